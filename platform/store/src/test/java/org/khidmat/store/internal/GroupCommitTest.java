package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.StatusChange;

/** Many writes, one transaction: every caller acknowledged is stored with its audit entry, and only those. */
class GroupCommitTest {
    private static final Instant FILED = Instant.parse("2025-03-14T09:26:53.589Z");

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private AuditChain chain;
    private SqlApplicationStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        chain = TestChain.of(db);
        store = new SqlApplicationStore(db, chain);
        pool = Executors.newFixedThreadPool(32);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void manyThreadsSubmittingAllGetTheirRowsAndAuditEntries() throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            int thread = t;
            calls.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    create("T" + thread + "-" + i);
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        assertEquals(320L, count("SELECT COUNT(DISTINCT reference) FROM application"));
        assertEquals(320L, count("SELECT COUNT(*) FROM status_history"));
        assertEquals(320L, count("SELECT COUNT(DISTINCT subject) FROM audit_log WHERE action = 'application.submit'"));
        AuditCheck check = new SqlAuditLog(db, chain).verify();
        assertTrue(check.intact(), check.message());
        assertEquals(List.of(), check.unaudited());
    }

    @Test
    void aFailedCommitAcknowledgesNoCaller() throws Exception {
        CountDownLatch release = holdTheWriter();
        Map<String, Throwable> failed = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String reference = "LOST-" + i;
            calls.add(pool.submit(() -> {
                try {
                    create(reference);
                    acknowledged.add(reference);
                } catch (RuntimeException e) {
                    failed.put(reference, e);
                }
            }));
        }
        awaitQueued(10);
        db.beforeCommit(() -> {
            throw new IllegalStateException("the writer died before COMMIT");
        });
        release.countDown();
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertEquals(Set.of(), acknowledged, "no caller is told a write is stored that is not");
        assertEquals(10, failed.size());
        assertEquals(0L, count("SELECT COUNT(*) FROM application WHERE reference LIKE 'LOST-%'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_log WHERE subject LIKE 'LOST-%'"));

        db.beforeCommit(() -> { });
        create("AFTER-1");
        assertTrue(store.find("AFTER-1").isPresent(), "the writer goes on after a failed batch");
        assertTrue(new SqlAuditLog(db, chain).verify().intact());
    }

    @Test
    void oneBadWriteInABatchFailsAlone() throws Exception {
        create("DUP-1");
        CountDownLatch release = holdTheWriter();
        List<Future<?>> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reference = "GOOD-" + i;
            good.add(pool.submit(() -> create(reference)));
        }
        Future<?> duplicate = pool.submit(() -> create("DUP-1"));
        Future<?> halfDone = pool.submit(() -> db.write("audit then fail", c -> {
            chain.append(c, AuditNote.of("test", "half.done", "HALF-1", null));
            throw new IllegalStateException("failed after its audit entry");
        }));
        awaitQueued(7);
        release.countDown();
        for (Future<?> call : good) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertTrue(failedWith(duplicate, "already exists"), "the duplicate fails with its own reason");
        assertTrue(failedWith(halfDone, "failed after its audit entry"));
        assertEquals(5L, count("SELECT COUNT(*) FROM application WHERE reference LIKE 'GOOD-%'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'HALF-1'"), "rolled back with its transaction");
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'DUP-1'"));
        AuditCheck check = new SqlAuditLog(db, chain).verify();
        assertTrue(check.intact(), "the chain goes on over the write rolled back: " + check.message());
    }

    @Test
    void theOthersOfABatchRunAgainWithoutTheFailedWriteAndTheirTasksAfterCommitRunOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch release = holdTheWriter();
        List<Future<?>> good = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String reference = "AGAIN-" + i;
            good.add(pool.submit(() -> db.write("audit " + reference, c -> {
                chain.append(c, AuditNote.of("test", "again", reference, null));
                db.afterCommit(tasks::incrementAndGet);
                return null;
            })));
            if (i == 1) {
                awaitQueued(2);
                good.add(pool.submit(() -> db.write("fail in the middle", c -> {
                    chain.append(c, AuditNote.of("test", "again", "FAILED", null));
                    db.afterCommit(tasks::incrementAndGet);
                    throw new java.sql.SQLException("disk said no");
                })));
                awaitQueued(3);
            }
        }
        awaitQueued(5);
        release.countDown();
        int failed = 0;
        for (Future<?> call : good) {
            if (failedWith(call, "disk said no")) {
                failed++;
            }
        }
        assertEquals(1, failed, "only the write that threw fails");
        assertEquals(4, tasks.get(), "each stored write's task ran once, the failed write's never");
        assertEquals(4L, count("SELECT COUNT(*) FROM audit_log WHERE action = 'again'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'FAILED'"));
        assertTrue(new SqlAuditLog(db, chain).verify().intact(), "the entries run again chain onto each other");
    }

    /** Keeps the writer thread busy until the latch is released, so the writes queued meanwhile form one batch. */
    private CountDownLatch holdTheWriter() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> db.write("hold the writer", c -> {
            inside.countDown();
            return await(release);
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return release;
    }

    private static Void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void awaitQueued(int writes) throws InterruptedException {
        for (int i = 0; i < 500 && db.queuedWrites() < writes; i++) {
            Thread.sleep(10);
        }
        assertEquals(writes, db.queuedWrites(), "the writes wait in the queue");
    }

    private static boolean failedWith(Future<?> call, String text) throws InterruptedException {
        try {
            call.get(30, TimeUnit.SECONDS);
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return String.valueOf(e.getCause().getMessage()).contains(text);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private void create(String reference) {
        ApplicationRecord record = new ApplicationRecord(reference, "nadra.cnic-renewal", 1, "nadra", "3520212345671",
                "normal", Map.of("name", "x"), "submitted", "pending", FILED, FILED);
        store.create(record, new StatusChange(reference, FILED, "citizen", null, "submitted", null),
                AuditNote.of("citizen", "application.submit", reference, null));
    }

    private long count(String sql) {
        return db.read("count", c -> {
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
