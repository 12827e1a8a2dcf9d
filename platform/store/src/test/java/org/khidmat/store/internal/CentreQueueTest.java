package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.QueueToken;

/**
 * Queues per centre over one database file shared by several store instances, each standing for a node (SQLite
 * locks across processes as it does across connections).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreQueueTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private final List<Database> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(Database::close);
    }

    /** Opens the nodes at the same time, as nodes started together do: the schema is migrated once. */
    private List<SqlQueueStore> nodes(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                opened.add(pool.submit(() -> engine.open(dir)));
            }
            List<SqlQueueStore> stores = new ArrayList<>();
            for (Future<Database> f : opened) {
                Database db = f.get(60, TimeUnit.SECONDS);
                nodes.add(db);
                stores.add(new SqlQueueStore(db));
            }
            return stores;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensFromThreeNodesNeverRepeatAndLeaveNoGaps() throws Exception {
        List<SqlQueueStore> stores = nodes(3);
        int threads = 8;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(3 * threads);
        List<Callable<List<QueueToken>>> work = new ArrayList<>();
        for (SqlQueueStore store : stores) {
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<QueueToken> taken = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        taken.add(store.take("isb-g11", DAY, "nadra.cnic", "identity", null, null, T));
                        taken.add(store.take("lhr-01", DAY, "nadra.cnic", "identity", null, null, T));
                    }
                    return taken;
                });
            }
        }
        Map<String, Set<String>> byCentre = Map.of("isb-g11", new TreeSet<>(), "lhr-01", new TreeSet<>());
        int total = 0;
        try {
            for (Future<List<QueueToken>> f : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
                List<QueueToken> taken = f.get();
                for (int i = 0; i < taken.size(); i++) {
                    String centre = i % 2 == 0 ? "isb-g11" : "lhr-01";
                    assertTrue(byCentre.get(centre).add(taken.get(i).number()), "repeated " + taken.get(i).number());
                    total++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int perCentre = 3 * threads * each;
        assertEquals(2 * perCentre, total);
        for (Set<String> numbers : byCentre.values()) {
            Set<String> expected = new TreeSet<>();
            for (int n = 1; n <= perCentre; n++) {
                expected.add(String.format("A-%03d", n));
            }
            assertEquals(expected, numbers, "every number from 1 to " + perCentre + " once, no gaps");
        }
    }

    @Test
    void twoCentresHaveSeparateQueuesAndCounters() throws Exception {
        List<SqlQueueStore> stores = nodes(2);
        SqlQueueStore a = stores.get(0);
        SqlQueueStore b = stores.get(1);
        new SqlCentres(nodes.get(0)).register("isb-g11", "AKM Islamabad", "Asia/Karachi");
        new SqlCentres(nodes.get(1)).register("lhr-01", "AKM Lahore", "Asia/Karachi");
        QueueToken atA = a.take("isb-g11", DAY, "dgip.passport", "passport", null, null, T);
        QueueToken atB = b.take("lhr-01", DAY, "dgip.passport", "passport", null, null, T.plusSeconds(1));
        assertEquals("A-001", atA.number());
        assertEquals("A-001", atB.number(), "each centre numbers its own day");
        assertEquals(List.of(atA.id()), b.tokens("isb-g11", DAY, DAY).stream().map(QueueToken::id).toList());
        assertEquals(List.of(atB.id()), a.tokens("lhr-01", DAY, DAY).stream().map(QueueToken::id).toList());

        b.saveCounter("lhr-01", new Counter(2, List.of("passport"), false));
        assertEquals(6, a.counters("isb-g11").size());
        assertTrue(a.counters("isb-g11").stream().allMatch(Counter::open), "centre A's counters are untouched");
        assertEquals(List.of(false), a.counters("lhr-01").stream().filter(c -> c.number() == 2).map(Counter::open).toList());

        assertEquals(atA.id(), b.callNext("isb-g11", DAY, List.of(), 1, T.plusSeconds(5)).orElseThrow().id());
        assertTrue(b.callNext("isb-g11", DAY, List.of(), 1, T.plusSeconds(6)).isEmpty(),
                "centre A's counter does not call centre B's token");
        assertEquals(QueueToken.WAITING, a.token(atB.id()).orElseThrow().state());
    }

    @Test
    void centresAreRegisteredOnce() throws Exception {
        nodes(1);
        SqlCentres centres = new SqlCentres(nodes.get(0));
        centres.register("isb-g11", "AKM Islamabad", "Asia/Karachi");
        centres.register("isb-g11", "AKM Islamabad G-11", "Asia/Karachi");
        assertEquals(Map.of("default", "Asan Khidmat Markaz", "isb-g11", "AKM Islamabad G-11"), centres.names());
        assertEquals(6, new SqlQueueStore(nodes.get(0)).counters("isb-g11").size());
    }
}
