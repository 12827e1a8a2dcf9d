package org.khidmat.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.store.cfg.json}: where the store keeps its data; read when the store starts. SQLite at
 * {@code database} unless {@code url} names a PostgreSQL database ({@code KHIDMAT_DB_URL}).
 */
@ObjectClassDefinition(id = StoreConfig.PID, name = "Khidmat store", description = "Where the centre keeps its data")
public @interface StoreConfig {
    String PID = "org.khidmat.store";

    @AttributeDefinition(description = "the SQLite database file, relative to the centre's home (empty: data/khidmat.db)",
            required = false)
    String database() default "";

    @AttributeDefinition(description = "a jdbc:postgresql://host:port/database URL; empty: SQLite at database",
            required = false)
    String url() default "";

    @AttributeDefinition(description = "the PostgreSQL user", required = false)
    String user() default "";

    @AttributeDefinition(description = "a file holding the PostgreSQL password, owner-only, relative to the centre's"
            + " home", required = false)
    String passwordFile() default "";

    @AttributeDefinition(description = "connections this node keeps to PostgreSQL", min = "2", max = "500",
            required = false)
    int poolSize() default 10;
}
