package org.khidmat.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.store.cfg.json}: where the store keeps its data; read when the store starts. Today the
 * SQLite file; a {@code url} for PostgreSQL will join it.
 */
@ObjectClassDefinition(id = StoreConfig.PID, name = "Khidmat store", description = "Where the centre keeps its data")
public @interface StoreConfig {
    String PID = "org.khidmat.store";

    @AttributeDefinition(description = "the SQLite database file, relative to the centre's home (empty: data/khidmat.db)",
            required = false)
    String database() default "";
}
