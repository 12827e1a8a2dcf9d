package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;

class StoreWatchTest {
    @TempDir
    Path dir;

    /** Records what it is told, as "name kind". */
    static final class Recorded implements Metrics {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void count(String name, String... labels) {
            seen.add(name + " " + String.join(",", labels));
        }

        @Override
        public void observe(String name, double value, String... labels) {
            assertTrue(value >= 0, name + " got " + value);
            seen.add(name + " " + String.join(",", labels));
        }

        @Override
        public void set(String name, double value, String... labels) {
            seen.add(name + " " + String.join(",", labels));
        }

        @Override
        public void write(OutputStream out) {
        }
    }

    @Test
    void aMovedDatabaseFileIsCriticalUntilItIsBack() throws Exception {
        Path file = dir.resolve("khidmat.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            StoreWatch watch = new StoreWatch(db, new Recorded());
            assertEquals(HealthResult.Status.OK, watch.check().status(), watch.check().message());
            Path aside = dir.resolve("aside.db");
            Files.move(file, aside);
            HealthResult gone = watch.check();
            assertEquals(HealthResult.Status.CRITICAL, gone.status());
            assertTrue(gone.message().contains("is gone"), gone.message());
            Files.move(aside, file);
            assertEquals(HealthResult.Status.OK, watch.check().status());
        }
    }

    @Test
    void aReplacedDatabaseFileIsCritical() throws Exception {
        Path file = dir.resolve("khidmat.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            StoreWatch watch = new StoreWatch(db, new Recorded());
            Files.copy(file, dir.resolve("copy.db"));
            Files.move(dir.resolve("copy.db"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            HealthResult r = watch.check();
            assertEquals(HealthResult.Status.CRITICAL, r.status());
            assertTrue(r.message().contains("replaced"), r.message());
        }
    }

    @Test
    void readsAndWritesAreTimedWithTheirWaitsUntilTheWatchStops() throws Exception {
        Recorded metrics = new Recorded();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("khidmat.db"))) {
            StoreWatch watch = new StoreWatch(db, metrics);
            db.read("a read", c -> SqliteDatabase.pragma(c, "user_version"));
            db.write("a write", c -> SqliteDatabase.pragma(c, "user_version"));
            assertTrue(metrics.seen.containsAll(List.of("khidmat_store_seconds read", "khidmat_store_lock_wait_seconds read",
                    "khidmat_store_seconds write", "khidmat_store_lock_wait_seconds write")), metrics.seen.toString());
            watch.stop();
            int before = metrics.seen.size();
            db.read("a read", c -> SqliteDatabase.pragma(c, "user_version"));
            assertEquals(before, metrics.seen.size());
        }
    }

    /** On PostgreSQL there is no file of this node to watch: the check is that the database answers, timed as on SQLite. */
    @Test
    void onPostgresqlTheCheckIsThatTheDatabaseAnswers() throws Exception {
        Recorded metrics = new Recorded();
        Database db = Engine.POSTGRESQL.open(dir);
        StoreWatch watch = new StoreWatch(db, metrics);
        HealthResult ok = watch.check();
        assertEquals(HealthResult.Status.OK, ok.status(), ok.message());
        assertTrue(ok.message().contains("answers") && !ok.message().contains("password"), ok.message());
        db.write("a write", c -> db.dialect().schemaVersion(c));
        assertTrue(metrics.seen.containsAll(List.of("khidmat_store_seconds read", "khidmat_store_seconds write",
                "khidmat_store_lock_wait_seconds write")), metrics.seen.toString());
        db.close();
        HealthResult closed = watch.check();
        assertEquals(HealthResult.Status.CRITICAL, closed.status());
        assertTrue(closed.message().contains("does not answer"), closed.message());
    }
}
