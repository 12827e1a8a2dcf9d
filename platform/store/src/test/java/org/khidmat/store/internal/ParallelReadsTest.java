package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers do not wait for the writer: WAL lets a read see the last commit while a write transaction is open. */
class ParallelReadsTest {
    @TempDir
    Path dir;
    private SqliteDatabase db;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        pool = Executors.newSingleThreadExecutor();
        db.write("make a table", c -> update(c, "CREATE TABLE t (v INTEGER)"));
        db.write("add a row", c -> update(c, "INSERT INTO t VALUES (1)"));
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void aReadProceedsWhileAWriteTransactionIsHeldOpen() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> writing = pool.submit(() -> db.write("hold a transaction", c -> {
            update(c, "INSERT INTO t VALUES (2)");
            inside.countDown();
            return awaitRelease(release);
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS), "the write started");
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> db.read("count", ParallelReadsTest::count));
        try {
            assertEquals(1L, read.get(5, TimeUnit.SECONDS), "the read ran during the write and saw only the last commit");
        } finally {
            release.countDown();
        }
        writing.get(10, TimeUnit.SECONDS);
        assertEquals(2L, db.read("count", ParallelReadsTest::count), "the write is seen once committed");
    }

    private static Void awaitRelease(CountDownLatch release) {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static long count(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Void update(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
        return null;
    }
}
