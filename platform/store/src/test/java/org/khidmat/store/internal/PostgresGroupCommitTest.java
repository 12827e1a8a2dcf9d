package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.testkit.Postgres;

/**
 * Filings on PostgreSQL commit in groups, a node's next group starting once the one before it asks for the audit
 * head's lock (issue 16: each filing held the audit head's lock through its own COMMIT, so filings committed one at a
 * time and never shared a WAL flush). Commits are counted as the transactions that wrote the applications (their
 * rows' {@code xmin}), not timed.
 */
class PostgresGroupCommitTest {
    private static final int THREADS = 32;
    private static final int EACH = 8;

    private Postgres.Db pg;
    private PostgresDatabase db;
    private SqlApplicationStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        pg = Postgres.database();
        db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 8);
        store = new SqlApplicationStore(db, TestChain.of(db));
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void filingsFrom32ThreadsTakeFarFewerCommitsThanFilings() throws Exception {
        Outcome outcome = fileFromEveryThread("GROUP");
        assertEquals(THREADS * EACH, outcome.acknowledged().size(), "every filing is stored: " + outcome.failed());
        long transactions = transactionsThatFiled();
        assertTrue(transactions <= THREADS * EACH / 4, THREADS * EACH + " filings from " + THREADS
                + " threads took " + transactions + " commits; waiting filings should share one");
        assertChainIntact(THREADS * EACH);
    }

    @Test
    void theWriterCountsItsGroupsAsTheDatabaseDoes() throws Exception {
        fileFromEveryThread("COUNT");
        assertEquals(THREADS * EACH, db.groups().stored());
        assertEquals(transactionsThatFiled(), db.groups().commits(), "one commit per group, counted by the writer");
    }

    /**
     * A write of a group that fails (after appending its audit entry) fails alone: the others of its group commit,
     * in one transaction, and their entries chain onto each other, not onto the entry rolled back.
     */
    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
        AuditChain chain = TestChain.of(db);
        db.write("make the test table", c -> execute(c, "CREATE TABLE grouped (k TEXT PRIMARY KEY)"));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Future<?> blocker = pool.submit(() -> db.writeInGroup("hold the writer", c -> {
            started.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return insert(c, "blocker");
        }));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        List<String> keys = List.of("a", "b", "c", "bad", "d", "e", "f", "g");
        List<Future<?>> writes = new ArrayList<>();
        for (String k : keys) {
            writes.add(pool.submit(() -> db.writeInGroup("write " + k, c -> {
                chain.append(c, FilingTest.note(k));
                insert(c, k);
                if (k.equals("bad")) {
                    execute(c, "SELECT 1 / 0");
                }
                return k;
            })));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.groups().queued() < keys.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(keys.size(), db.groups().queued(), "every write waits behind the one holding the writer before"
                + " the head's lock: no second group starts before the first's inserts are sent");
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);
        Set<String> failed = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                writes.get(i).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof org.khidmat.api.platform.StoreException, e.toString());
                failed.add(keys.get(i));
            }
        }
        assertEquals(Set.of("bad"), failed);
        List<Long> groups = db.read("read the test table", c -> {
            List<Long> xmins = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COUNT(*), COUNT(DISTINCT xmin::text) FROM grouped WHERE k <> 'blocker'")) {
                r.next();
                xmins.add(r.getLong(1));
                xmins.add(r.getLong(2));
            }
            return xmins;
        });
        assertEquals(List.of((long) keys.size() - 1, 1L), groups, "the seven good writes, in one transaction");
        assertChainIntact(keys.size() - 1);
    }

    /**
     * The connection of a group is cut right before its COMMIT: every write of that group fails, none of them is
     * stored, and every write acknowledged is stored; the writer goes on with a new connection.
     */
    @Test
    void nothingIsAcknowledgedBeforeItsCommit() throws Exception {
        java.util.concurrent.atomic.AtomicInteger groups = new java.util.concurrent.atomic.AtomicInteger();
        try (Connection admin = pg.connect()) {
            db.groups().beforeCommit(c -> {
                if (groups.incrementAndGet() % 3 == 2) { // every third group, from the second on
                    terminate(admin, c);
                }
            });
            Outcome outcome = fileFromEveryThread("KILL");
            assertFalse(outcome.failed().isEmpty(), "no group was cut");
            assertFalse(outcome.acknowledged().isEmpty(), "the writer did not go on after a cut");
            assertEquals(THREADS * EACH, outcome.acknowledged().size() + outcome.failed().size());
            Set<String> stored = db.read("read the references", c -> {
                Set<String> refs = new HashSet<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT reference FROM application")) {
                    while (r.next()) {
                        refs.add(r.getString(1));
                    }
                }
                return refs;
            });
            assertEquals(outcome.acknowledged(), stored, "stored are exactly the filings acknowledged");
            assertChainIntact(outcome.acknowledged().size());
        }
    }

    private record Outcome(Set<String> acknowledged, Set<String> failed) {
    }

    private Outcome fileFromEveryThread(String prefix) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < EACH; i++) {
                    String ref = prefix + "-" + thread + "-" + i;
                    try {
                        FilingTest.file(store, ref, "sms").orElseThrow();
                        acknowledged.add(ref);
                    } catch (org.khidmat.api.platform.StoreException e) {
                        failed.add(ref);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : threads) {
            f.get(120, TimeUnit.SECONDS);
        }
        return new Outcome(acknowledged, failed);
    }

    private long transactionsThatFiled() {
        return db.read("count the transactions that filed", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COUNT(DISTINCT xmin::text) FROM application")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private void assertChainIntact(int entries) {
        AuditCheck check = new SqlAuditLog(db, TestChain.of(db)).verify();
        assertTrue(check.intact(), check.message());
        assertEquals(entries, check.entries());
    }

    private static void terminate(Connection admin, Connection victim) {
        try (Statement s = victim.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            int pid = r.getInt(1);
            try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object insert(Connection c, String k) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO grouped (k) VALUES (?)")) {
            s.setString(1, k);
            s.executeUpdate();
        }
        return null;
    }

    private static Object execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }
}
