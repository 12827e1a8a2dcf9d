package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.testkit.Postgres;

/**
 * A PostgreSQL group of filings sends a statement per table for all its filings, not ~5 a filing one after another
 * while it holds the audit head's lock (issues 15 and 16). Round trips are counted as the calls on the group's
 * connection that wait for the server's answer (an execute of any kind, a batch, a commit or rollback): pgjdbc sends
 * each in one round trip.
 */
class PostgresGroupRoundTripsTest {
    private static final int FILINGS = 20;

    private Postgres.Db pg;
    private PostgresDatabase db;
    private SqlApplicationStore store;
    private ExecutorService pool;
    /** Round trips per group connection, in the order the groups took their connections. */
    private final List<AtomicInteger> trips = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        pg = Postgres.database();
        db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 8);
        store = new SqlApplicationStore(db, TestChain.of(db));
        pool = Executors.newFixedThreadPool(FILINGS + 1);
        db.groups().watch(c -> {
            AtomicInteger count = new AtomicInteger();
            trips.add(count);
            return counting(c, count);
        });
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void aGroupOfFilingsSendsAFewRoundTripsHoweverManyItHolds() throws Exception {
        List<String> refs = references("MANY", FILINGS);
        List<Future<Optional<List<Notification>>>> filings = fileBehindAHeldWriter(refs);
        for (int i = 0; i < FILINGS; i++) {
            assertEquals(1, filings.get(i).get(30, TimeUnit.SECONDS).orElseThrow().size(), refs.get(i));
        }
        assertEquals(2, db.groups().commits(), "the writer held, then the " + FILINGS + " filings in one group");
        assertEquals(1, trips.size(), "the filings made one group");
        int sent = trips.get(0).get();
        assertTrue(sent <= 7, "a group of " + FILINGS + " filings sent " + sent + " round trips; expected one a table"
                + " (application, history, messages, audit), the head's lock with its read, and the commit");
        assertChainIntact(FILINGS);
    }

    /**
     * In a group sent a statement per table, a reference already taken and a reference filed twice in the group store
     * nothing for the later filing, and a filing the database refuses fails alone: its group-mates commit.
     */
    @Test
    void aTakenReferenceAndARefusedFilingFailAloneInTheirGroup() throws Exception {
        FilingTest.file(store, "TAKEN-1", "sms").orElseThrow();
        List<String> refs = new ArrayList<>(references("GOOD", 6));
        refs.add(3, "TAKEN-1");
        refs.add(5, "TWICE-1");
        refs.add(6, "TWICE-1");
        refs.add(2, "REFUSED-1");
        List<Future<Optional<List<Notification>>>> filings = fileBehindAHeldWriter(refs);
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            Future<Optional<List<Notification>>> f = filings.get(i);
            if (ref.equals("REFUSED-1")) {
                ExecutionException refused = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
                assertTrue(refused.getCause() instanceof StoreException, refused.toString());
            } else if (ref.equals("TAKEN-1") || ref.equals("TWICE-1") && i == refs.lastIndexOf(ref)) {
                assertEquals(Optional.empty(), f.get(30, TimeUnit.SECONDS), ref + " is taken: nothing is stored");
            } else {
                assertEquals(1, f.get(30, TimeUnit.SECONDS).orElseThrow().size(), ref);
            }
        }
        assertEquals(1, trips.size(), "the filings made one group");
        assertEquals(List.of(1L, 1L, 0L), db.read("count what was stored", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT"
                    + " (SELECT COUNT(*) FROM application WHERE reference = 'TWICE-1'),"
                    + " (SELECT COUNT(*) FROM status_history WHERE reference = 'TWICE-1'),"
                    + " (SELECT COUNT(*) FROM application WHERE reference = 'REFUSED-1')")) {
                r.next();
                return List.of(r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }));
        assertChainIntact(1 + 6 + 1); // TAKEN-1 before, the six good ones, TWICE-1 once
    }

    /** Files each reference on a thread of its own while the writer is held, so they make one group when released. */
    private List<Future<Optional<List<Notification>>>> fileBehindAHeldWriter(List<String> refs) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> blocker = pool.submit(() -> db.writeInGroup("hold the writer", c -> {
            started.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        List<Future<Optional<List<Notification>>>> filings = new ArrayList<>();
        for (String ref : refs) {
            Notification sms = ref.startsWith("REFUSED") // PostgreSQL takes no NUL in text: the message is refused
                    ? new Notification(0, ref, "submitted", "sms", "03001234567", "bad \u0000 text", Notification.QUEUED,
                            null, null, 0, FilingTest.FILED, null, null)
                    : FilingTest.message(ref, "sms");
            filings.add(pool.submit(() -> store.file(FilingTest.application(ref), FilingTest.first(ref),
                    FilingTest.note(ref), List.of(sms))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (db.groups().queued() < filings.size() && System.nanoTime() < deadline) {
                Thread.sleep(2); // queued in this order
            }
        }
        assertEquals(refs.size(), db.groups().queued(), "every filing waits behind the writer held before the head's"
                + " lock");
        trips.clear();
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);
        return filings;
    }

    private static List<String> references(String prefix, int n) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            refs.add(prefix + "-" + i);
        }
        return refs;
    }

    private void assertChainIntact(int entries) {
        AuditCheck check = new SqlAuditLog(db, TestChain.of(db)).verify();
        assertTrue(check.intact(), check.message());
        assertEquals(entries, check.entries());
    }

    /** @return {@code c}, counting in {@code count} each call that waits for the server, on it or its statements */
    static Connection counting(Connection c, AtomicInteger count) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        count.incrementAndGet();
                    }
                    Object result = invoke(method, c, args);
                    if (result instanceof java.sql.PreparedStatement s) {
                        return countingStatement(s, java.sql.PreparedStatement.class, count);
                    }
                    if (result instanceof Statement s) {
                        return countingStatement(s, Statement.class, count);
                    }
                    return result;
                });
    }

    private static <S extends Statement> S countingStatement(S s, Class<S> type, AtomicInteger count) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                count.incrementAndGet();
            }
            return invoke(method, s, args);
        }));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
