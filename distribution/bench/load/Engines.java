import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code load.sh --engines}: durable applications a second at 1, 8 and 32 clients and tracking's p50 and p99, on
 * SQLite one node, PostgreSQL one node, PostgreSQL three nodes over one database, and SQLite three nodes over one
 * file, side by side in one run. Every configuration is started once, then driven in turn by the same client
 * ({@link Spread}, round robin over a configuration's nodes); each load visits the configurations in a rotated order,
 * round after round, so the machine's drift hits all alike; the round with the most applications a second counts.
 * The table gives each configuration's figures and their ratio to SQLite one node; a second table says where a
 * filing's time goes: processor time per filing in the nodes and in PostgreSQL, what PostgreSQL's connections were
 * doing at 32 clients ({@link Waits}), and the statements a filing runs ({@code pg_stat_statements}). With
 * {@code --against} another build's PostgreSQL one node and three nodes run as two more rows of the same rounds.
 */
final class Engines {
    static final int[] CLIENTS = {1, 8, 32};
    static final int TRACKERS = 8;
    private static final String CNIC = "6110112345671";

    /** What was measured of one configuration. */
    static final class Measured {
        final Cluster cluster;
        final Spread.Result[] filing = new Spread.Result[CLIENTS.length];
        /** Processor milliseconds per filing at 32 clients in the best round: the nodes', PostgreSQL's. */
        double nodesCpuMs;
        double pgCpuMs = Double.NaN;
        String waits = "";
        Spread.Result track;
        double statementsPerFiling = Double.NaN;
        final List<String> statementList = new ArrayList<>();
        final List<String> references = Collections.synchronizedList(new ArrayList<>());

        Measured(Cluster cluster) {
            this.cluster = cluster;
        }
    }

    private Engines() {
    }

    static void run(Options o) throws Exception {
        long t0 = System.nanoTime();
        List<Measured> all = new ArrayList<>();
        Thread hook = new Thread(() -> all.forEach(m -> m.cluster.kill()), "engines-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (EmbeddedPg pg = EmbeddedPg.start()) {
            try {
                all.add(new Measured(Cluster.sqlite("SQLite, one node", o.dist, 1)));
                all.add(new Measured(Cluster.postgres("PostgreSQL, one node", o.dist, 1, pg, "khidmat_one")));
                all.add(new Measured(Cluster.postgres("PostgreSQL, three nodes", o.dist, 3, pg, "khidmat_three")));
                all.add(new Measured(Cluster.sqlite("SQLite, three nodes over one file", o.dist, 3)));
                if (o.against != null) { // another build's PostgreSQL rows in the same rounds, e.g. before a store change
                    all.add(new Measured(Cluster.postgres("PostgreSQL, one node, --against build", o.against, 1, pg,
                            "khidmat_one_against")));
                    all.add(new Measured(Cluster.postgres("PostgreSQL, three nodes, --against build", o.against, 3, pg,
                            "khidmat_three_against")));
                }
                inParallel(all, 2, m -> m.cluster.start()); // two at a time: a start is busy on both cores
                System.out.printf("measured: %d nodes started, %.0f s in%n", all.stream().mapToInt(m -> m.cluster.nodes.size())
                        .sum(), (System.nanoTime() - t0) / 1e9);
                measure(o, pg, all);
            } finally {
                inParallel(all, all.size(), m -> m.cluster.close());
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        EnginesTable.print(o, all, (System.nanoTime() - t0) / 1e9);
    }

    /** Work on one configuration. */
    private interface Step {
        void run(Measured m) throws Exception;
    }

    /**
     * Starts (or stops) the configurations side by side, {@code threads} at a time, each its nodes in order; the first
     * failure is thrown once every step has ended.
     */
    private static void inParallel(List<Measured> all, int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Measured m : all) {
                done.add(pool.submit(() -> {
                    step.run(m);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    first = first == null ? (e.getCause() instanceof Exception x ? x : e) : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void measure(Options o, EmbeddedPg pg, List<Measured> all) throws Exception {
        for (Measured m : all) { // warming each configuration's JIT, not counted; its applications are tracked later
            file(m, 8, o.seconds);
        }
        for (int round = 0; round < o.rounds; round++) {
            for (int i = 0; i < CLIENTS.length; i++) {
                for (Measured m : rotated(all, round + i)) {
                    double nodesCpu = m.cluster.cpuSeconds();
                    double pgCpu = pg.cpuSeconds();
                    Waits waits = CLIENTS[i] == 32 && m.cluster.pgDatabase != null ? new Waits(pg, m.cluster.pgDatabase) : null;
                    Spread.Result r;
                    try {
                        r = file(m, CLIENTS[i], o.seconds);
                    } finally {
                        if (waits != null) {
                            waits.close();
                        }
                    }
                    System.out.printf("measured: %s, %d client(s), round %d: %.0f applications/s, p99 %s, %d unexpected%s%n",
                            m.cluster.name, CLIENTS[i], round + 1, r.perSecond(), Table.ms(r.p99Ms()), r.unexpected(),
                            r.unexpected() == 0 ? "" : " (" + r.why() + ")");
                    if (m.filing[i] == null || r.perSecond() > m.filing[i].perSecond()) {
                        m.filing[i] = r;
                        if (CLIENTS[i] == 32) {
                            long filed = Math.max(1, r.requests());
                            m.nodesCpuMs = (m.cluster.cpuSeconds() - nodesCpu) * 1000 / filed;
                            if (waits != null) {
                                m.pgCpuMs = (pg.cpuSeconds() - pgCpu) * 1000 / filed;
                                m.waits = waits.summary(4);
                            }
                        }
                    }
                }
            }
            for (Measured m : rotated(all, round)) {
                Spread.Result r = track(m, o.seconds);
                System.out.printf("measured: %s, tracking, round %d: p50 %s, p99 %s, %d unexpected%s%n", m.cluster.name,
                        round + 1, Table.ms(r.p50Ms()), Table.ms(r.p99Ms()), r.unexpected(),
                        r.unexpected() == 0 ? "" : " (" + r.why() + ")");
                if (m.track == null || r.perSecond() > m.track.perSecond()) {
                    m.track = r;
                }
            }
        }
        for (Measured m : all) {
            if (m.cluster.pgDatabase != null) {
                countStatements(o, pg, m);
            }
        }
    }

    /** Files applications with {@code clients} clients; keeps up to 20,000 references to track. */
    static Spread.Result file(Measured m, int clients, double seconds) throws InterruptedException {
        return Spread.post(m.cluster.urls(), "/api/v1/applications", n -> Load.POLICE, 201, clients, seconds, answer -> {
            String ref = Spread.reference(answer);
            if (ref != null && m.references.size() < 20_000) {
                m.references.add(ref);
            }
        });
    }

    /** Tracks applications filed on this configuration, picked at random, each on whichever node is next. */
    static Spread.Result track(Measured m, double seconds) throws InterruptedException {
        List<String> refs = List.copyOf(m.references);
        if (refs.isEmpty()) {
            throw new IllegalStateException(m.cluster.name + " filed no application to track");
        }
        Random random = new Random(7);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            bodies.add("{\"reference\":\"" + refs.get(random.nextInt(refs.size())) + "\",\"cnic\":\"" + CNIC + "\"}");
        }
        return Spread.post(m.cluster.urls(), "/api/v1/applications/track", n -> bodies.get(Math.floorMod(n * 31, 4096)),
                200, TRACKERS, seconds, answer -> { });
    }

    /**
     * Files with one client over every node for a load's time with {@code pg_stat_statements} reset before, and
     * subtracts what the same nodes ran in as long a time without load (their pollers: signals, centre events); a
     * statement that remains at least once for every two filings is the filing's, and their calls over the filings
     * are the statements per filing.
     */
    private static void countStatements(Options o, EmbeddedPg pg, Measured m) throws Exception {
        pg.resetStatements();
        Thread.sleep(o.seconds * 1000L);
        java.util.Map<String, Long> idle = new java.util.HashMap<>();
        for (EmbeddedPg.Counted s : pg.statements(m.cluster.pgDatabase)) {
            idle.put(s.query(), s.calls());
        }
        pg.resetStatements();
        Spread.Result r = file(m, 1, o.seconds);
        long filed = r.requests() - r.unexpected();
        if (filed <= 0) {
            return;
        }
        long calls = 0;
        for (EmbeddedPg.Counted s : pg.statements(m.cluster.pgDatabase)) {
            long net = s.calls() - idle.getOrDefault(s.query(), 0L);
            if (net * 2 >= filed) {
                calls += net;
                String q = s.query().length() > 60 ? s.query().substring(0, 57) + "..." : s.query();
                m.statementList.add(String.format(java.util.Locale.ROOT, "%.2f `%s`", (double) net / filed, q));
            }
        }
        m.statementsPerFiling = (double) calls / filed;
    }

    private static List<Measured> rotated(List<Measured> all, int by) {
        List<Measured> r = new ArrayList<>(all);
        Collections.rotate(r, -(by % all.size()));
        return r;
    }
}
