package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.store.AuditNote;
import org.khidmat.testkit.Postgres;

/**
 * Queue tokens a second on one node, in this JVM, with 1, 8 and 32 takers, on SQLite and on PostgreSQL (the
 * testkit's embedded server), for the way a kiosk's take wrote before its number was drawn last ({@link QueueTakeBefore}) and the
 * way it writes now, side by side in one run; on PostgreSQL the backends' wait events are sampled meanwhile and
 * the transactions per take counted. A take is what {@code QueueDesk.take} asks of the store: the token, its
 * audit entry and the centre event the hall screens of other nodes poll. Takers spread over four services of four
 * categories (four letters), as a morning's kiosks do. It asserts only that numbers never repeat and leave no gaps;
 * the figures are printed. Run: {@code mvn -B -pl platform/store -am test -Dtest=QueueTakeBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench=queue} (add {@code -Dbench.tokens=N} for more tokens a run).
 */
@EnabledIfSystemProperty(named = "bench", matches = "queue")
class QueueTakeBench {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final String CENTRE = "isb-g11";
    private static final int TOKENS = Integer.getInteger("bench.tokens", 320);
    private static final String[] CATEGORIES = {"identity", "passport", "licence", "property"};

    /** One way of taking a token: the store's writes of one kiosk's take. */
    interface Take {
        QueueToken take(String serviceId, String category);
    }

    @Test
    void tokensPerSecond() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (int takers : new int[] {1, 8, 32}) {
                for (String way : List.of("before", "after")) {
                    lines.add(run(engine, way, takers));
                }
            }
        }
        System.out.println("\nQueueTakeBench: " + TOKENS + " tokens a run, 4 letters");
        lines.forEach(System.out::println);
    }

    private String run(Engine engine, String way, int takers) throws Exception {
        Path dir = Files.createTempDirectory("queue-bench");
        Database opened = engine.open(dir);
        java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
        Database db = (Database) java.lang.reflect.Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> {
                    if (method.getName().equals("write")) {
                        writes.incrementAndGet(); // a write on this proxy is a transaction of its own
                    }
                    try {
                        return method.invoke(opened, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SqlCentreEvents events = new SqlCentreEvents(db, java.time.Clock.systemUTC());
        AuditChain chain = SqlStoresUnderTest.chained(db, true);
        SqlAuditLog audit = new SqlAuditLog(db, chain);
        SqlQueueStore store = new SqlQueueStore(db, chain);
        Coalesced signal = new Coalesced(() -> events.publish(CENTRE, "queue"));
        Take take = "before".equals(way)
                ? (service, category) -> {
                    QueueToken t = QueueTakeBefore.take(db, CENTRE, DAY, service, category, T);
                    audit.append("citizen", "queue.take", t.number(), service);
                    events.publish(CENTRE, "queue");
                    return t;
                }
                : (service, category) -> {
                    QueueToken t = store.take(CENTRE, DAY, service, category, null, null, T,
                            n -> AuditNote.of("citizen", "queue.take", n.number(), service));
                    signal.changed();
                    return t;
                };
        for (String category : CATEGORIES) { // letters are given once, before the rush
            take.take("warm." + category, category);
        }
        Sampler sampler = engine == Engine.POSTGRESQL ? new Sampler(Engine.postgres(dir)) : null;
        long writesBefore = writes.get();
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        AtomicInteger next = new AtomicInteger();
        Map<String, Set<Integer>> numbers = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                done.add(pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < TOKENS; ) {
                        String category = CATEGORIES[n % CATEGORIES.length];
                        QueueToken t = take.take("svc." + category, category);
                        String letter = t.number().substring(0, t.number().indexOf('-'));
                        numbers.computeIfAbsent(letter, k -> ConcurrentHashMap.newKeySet())
                                .add(Integer.parseInt(t.number().substring(letter.length() + 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String waits = String.format(" | %.1f tx/take", (writes.get() - writesBefore) / (double) TOKENS);
        if (sampler != null) {
            waits += " | waits " + sampler.stop();
        }
        signal.close();
        events.close();
        db.close();
        int total = numbers.values().stream().mapToInt(Set::size).sum();
        assertEquals(TOKENS, total, "no number repeats");
        for (Set<Integer> taken : numbers.values()) {
            assertEquals(taken.size() + 1, taken.stream().mapToInt(Integer::intValue).max().orElse(1),
                    "no gaps (the warm-up took number 1 of each letter)");
        }
        return String.format("%-10s %-6s takers %2d: %7.1f tokens/s (%.2f s)%s", engine, way, takers,
                TOKENS / seconds, seconds, waits);
    }

    /**
     * The centre event as core's {@code QueueSignal} writes it: off the taker's thread, one
     * publication at a time, the changes made while one waits told by it.
     */
    private static final class Coalesced {
        private final java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private final Runnable publish;

        Coalesced(Runnable publish) {
            this.publish = publish;
        }

        void changed() {
            if (pending.compareAndSet(false, true)) {
                writer.execute(() -> {
                    pending.set(false);
                    publish.run();
                });
            }
        }

        void close() throws InterruptedException {
            writer.shutdown();
            writer.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Samples {@code pg_stat_activity} every 2 ms: what the test schema's backends wait on while they take. */
    private static final class Sampler {
        private final Postgres.Db db;
        private final Map<String, Integer> counts = new TreeMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        /** What a backend waits on, and for an advisory lock its key (the low 32 bits: {@link Dialect.Lock}). */
        private static final String SAMPLE = "SELECT COALESCE(a.wait_event_type || ':' || a.wait_event, 'CPU'),"
                + " COALESCE(MAX(l.objid::bigint), 0) FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid"
                + " AND NOT l.granted AND l.locktype = 'advisory' WHERE a.datname = current_database()"
                + " AND a.pid <> pg_backend_pid() AND a.state = 'active' GROUP BY a.pid, 1";

        private static String lockName(long key) {
            for (Dialect.Lock lock : Dialect.Lock.values()) {
                if (key != 0 && (lock.key & 0xffff_ffffL) == key) {
                    return "(" + lock + ")";
                }
            }
            return key == 0 ? "" : "(" + key + ")";
        }

        Sampler(Postgres.Db db) {
            this.db = db;
            this.thread = new Thread(this::sample, "queue-bench-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                while (running.get()) {
                    try (ResultSet r = s.executeQuery(SAMPLE)) {
                        while (r.next()) {
                            counts.merge(r.getString(1) + lockName(r.getLong(2)), 1, Integer::sum);
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                counts.merge("sampler failed: " + e, 1, Integer::sum);
            }
        }

        String stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return counts.toString();
        }
    }
}
