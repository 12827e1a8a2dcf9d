package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.StoreException;
import org.khidmat.testkit.Postgres;

/** The PostgreSQL twins of the migration scripts: the same tables, one version table, nodes migrating at once. */
class PostgresMigrationsTest {

    @Test
    void everyScriptHasAPostgresqlTwin() {
        for (String name : Migrations.SCRIPTS) {
            assertNotNull(Migrations.class.getResource(Dialect.POSTGRESQL.script(name)), "postgresql/" + name);
        }
    }

    @Test
    void aDollarQuotedBodyAndATriggerThatCallsAFunctionAreOneStatementEach() {
        List<String> statements = Migrations.statements("""
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'no';
                END;
                $$;
                CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f();
                CREATE TABLE y (a INTEGER);
                """);
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(0).endsWith("$$;"), statements.get(0));
    }

    @Test
    void createsTheSameTablesAsSqliteAndRecordsTheVersion() throws Exception {
        Postgres.Db pg = Postgres.database();
        try (Database db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 4)) {
            assertEquals(Migrations.latest(), Migrations.version(db));
        }
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")) {
            List<String> tables = new ArrayList<>();
            while (r.next()) {
                tables.add(r.getString(1));
            }
            assertEquals(sqliteTablesAndTheVersionTable(), tables);
        }
    }

    /** The tables SQLite's scripts make, with PostgreSQL's {@code schema_version} (SQLite keeps it in a pragma). */
    private static List<String> sqliteTablesAndTheVersionTable() throws Exception {
        Path folder = Files.createTempDirectory("khidmat-tables");
        List<String> tables = new ArrayList<>(List.of("schema_version"));
        try (SqliteDatabase db = SqliteDatabase.open(folder.resolve("k.db"))) {
            tables.addAll(db.read("list the tables", c -> {
                List<String> names = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM sqlite_master"
                        + " WHERE type = 'table' AND name NOT LIKE 'sqlite%'")) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                return names;
            }));
        }
        tables.sort(null);
        assertTrue(tables.size() > 10, "SQLite's scripts made " + tables);
        return tables;
    }

    /**
     * Four nodes start together on an empty database, five times over: each finds the schema at the latest version
     * and none fails on a script another ran (before {@code schema_version} existed ahead of the lock, the waiting
     * nodes did not see it by name and ran V1 again).
     */
    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                Postgres.Db pg = Postgres.database();
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
                List<Future<Integer>> versions = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    versions.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        try (Database db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2)) {
                            return Migrations.version(db);
                        }
                    }));
                }
                for (Future<Integer> v : versions) {
                    assertEquals(Migrations.latest(), v.get(60, TimeUnit.SECONDS), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        Postgres.Db pg = Postgres.database();
        PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2).close();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET version = " + (Migrations.latest() + 1));
        }
        StoreException e = assertThrows(StoreException.class,
                () -> PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2));
        assertTrue(e.getMessage().contains("schema version " + (Migrations.latest() + 1)), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedWithoutThePassword() {
        StoreException e = assertThrows(StoreException.class, () -> PostgresDatabase.open(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "khidmat", "s3cret-pw", 2));
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/none") && e.getMessage().contains("passwordFile"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret-pw"), e.getMessage());
    }
}
