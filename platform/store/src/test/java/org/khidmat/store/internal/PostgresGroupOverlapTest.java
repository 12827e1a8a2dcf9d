package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.testkit.Postgres;

/**
 * A node's next group of filings does its work while the group before it waits for its COMMIT (the WAL flush), on a
 * connection of its own (issue 16: a node ran one group at a time, from its first insert to its commit, so the
 * database waited for the node and the node for the flush). The audit head's lock still orders the groups' entries,
 * and each filing is acknowledged only after its own group's commit.
 */
class PostgresGroupOverlapTest {
    private Postgres.Db pg;
    private PostgresDatabase db;
    private SqlApplicationStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        pg = Postgres.database();
        db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 8);
        store = new SqlApplicationStore(db, TestChain.of(db));
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    /**
     * The first group is held right before its COMMIT (its entry written, the head's lock held): a filing that comes
     * meanwhile runs its inserts at once, on a second connection, and waits for the head's lock in the database, not
     * in the node's queue. Neither is answered before its own commit.
     */
    @Test
    void theNextGroupWorksWhileTheGroupBeforeItWaitsForItsCommit() throws Exception {
        try (Connection admin = pg.connect()) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Optional<List<Notification>>> first = fileWithTheFirstGroupHeld(release, c -> { });
            Future<Optional<List<Notification>>> second = pool.submit(() -> FilingTest.file(store, "NEXT-1", "sms"));
            assertTrue(waitsForTheHeadsLock(admin), "the second filing did not reach the database while the first group"
                    + " waited for its commit; queued in the node: " + db.groups().queued());
            assertFalse(first.isDone() || second.isDone(), "a filing was answered before its commit");
            assertEquals(0, applications(admin, "NEXT-1"), "the second group is not committed before the first");
            release.countDown();
            assertEquals(1, first.get(30, TimeUnit.SECONDS).orElseThrow().size());
            assertEquals(1, second.get(30, TimeUnit.SECONDS).orElseThrow().size());
            assertEquals(2, db.groups().commits());
            assertChainIntact(2);
        }
    }

    /**
     * The first group's connection is cut right before its COMMIT while the next group waits for the head's lock: the
     * first group's filing fails and is not stored; the next one chains onto the head as it was (not onto the entry
     * that was never committed), commits and is acknowledged.
     */
    @Test
    void aGroupWhoseCommitFailsTakesNothingOfTheNextGroupWithIt() throws Exception {
        try (Connection admin = pg.connect()) {
            FilingTest.file(store, "BEFORE-1", "sms").orElseThrow();
            CountDownLatch release = new CountDownLatch(1);
            Future<Optional<List<Notification>>> first = fileWithTheFirstGroupHeld(release, c -> terminate(admin, c));
            Future<Optional<List<Notification>>> second = pool.submit(() -> FilingTest.file(store, "NEXT-2", "sms"));
            assertTrue(waitsForTheHeadsLock(admin), "the second filing did not reach the database while the first group"
                    + " waited for its commit");
            release.countDown();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof StoreException, failed.toString());
            assertEquals(1, second.get(30, TimeUnit.SECONDS).orElseThrow().size());
            assertEquals(0, applications(admin, "HELD-1"), "the filing whose commit failed is not stored");
            assertEquals(1, applications(admin, "NEXT-2"));
            assertEquals(2L, auditSeq(admin, "NEXT-2"), "the next group chains onto the committed head");
            assertChainIntact(2);
        }
    }

    /**
     * Files HELD-1 in a group of its own held right before its COMMIT until {@code release}; then {@code atCommit}
     * runs on the group's connection.
     */
    private Future<Optional<List<Notification>>> fileWithTheFirstGroupHeld(CountDownLatch release,
            Consumer<Connection> atCommit) throws InterruptedException {
        AtomicInteger groups = new AtomicInteger();
        CountDownLatch held = new CountDownLatch(1);
        db.groups().beforeCommit(c -> {
            if (groups.incrementAndGet() == 1) {
                held.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                atCommit.accept(c);
            }
        });
        Future<Optional<List<Notification>>> first = pool.submit(() -> FilingTest.file(store, "HELD-1", "sms"));
        assertTrue(held.await(30, TimeUnit.SECONDS), "the first group did not reach its commit");
        return first;
    }

    /**
     * @return whether, within 30 s, a connection waits for the audit head's lock (an advisory lock): a group takes it
     *     after its inserts, last before its commit ({@link FilingBatch})
     */
    private static boolean waitsForTheHeadsLock(Connection admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Statement s = admin.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM"
                    + " pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'"
                    + " AND query LIKE '%pg_advisory_xact_lock%'")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** @return the committed applications of that reference */
    private static long applications(Connection admin, String reference) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT COUNT(*) FROM application WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long auditSeq(Connection admin, String subject) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT seq FROM audit_log WHERE subject = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no audit entry for " + subject);
                return r.getLong(1);
            }
        }
    }

    private void assertChainIntact(int entries) {
        AuditCheck check = new SqlAuditLog(db, TestChain.of(db)).verify();
        assertTrue(check.intact(), check.message());
        assertEquals(entries, check.entries());
    }

    private static void terminate(Connection admin, Connection victim) {
        try (Statement s = victim.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                kill.setInt(1, r.getInt(1));
                kill.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
