package org.khidmat.store.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.testkit.Postgres;

/**
 * The engines a store test runs on: {@code @ParameterizedClass @EnumSource(Engine.class)} and a field
 * {@code @Parameter Engine engine}, then {@code engine.open(dir)} where the test opened {@code SqliteDatabase}.
 * PostgreSQL is the testkit's fixture (one embedded server per JVM, or {@code KHIDMAT_TEST_PG_URL}); a test's folder
 * stands for its database, so opening the same folder again opens the same database (a restart, a second node).
 */
enum Engine {
    SQLITE, POSTGRESQL;

    private static final Map<Path, Postgres.Db> DATABASES = new ConcurrentHashMap<>();

    /** @return the database of this test folder on this engine, made empty the first time */
    Database open(Path dir) {
        if (this == SQLITE) {
            return SqliteDatabase.open(dir.resolve("k.db"));
        }
        Postgres.Db db = DATABASES.computeIfAbsent(dir.toAbsolutePath(), d -> Postgres.database());
        return PostgresDatabase.open(db.url(), db.user(), db.password(), 8);
    }

    /** @return the fixture's database of this folder, opened by {@link #open} before */
    static Postgres.Db postgres(Path dir) {
        return DATABASES.get(dir.toAbsolutePath());
    }
}
