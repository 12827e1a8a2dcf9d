import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load benchmark of the built centre against baselines started in the same run. From the repository root, after
 * {@code mvn -B package -DskipTests}:
 *
 * <pre>distribution/bench/load.sh [distribution/target/khidmat] [--quick] [--seconds N] [--rounds N] [--starts N]
 *     [--apps 1000,1000000] [--bundles 40] [--against another/khidmat] [--only reads,apps,cpu,services,store]
 * distribution/bench/load.sh [distribution/target/khidmat] --engines [--quick] [--seconds N] [--rounds N]</pre>
 *
 * It copies the distribution to temporary homes, starts each with bin/khidmat on a free loopback port, and drives
 * it with {@code wrk} (Debian's package) and a sequential Java client:
 * - reads: {@code GET /api/v1/services} and the catalogue page {@code /}, against a bare Jetty 12 handler serving
 *   the bytes the centre served for the same path, in alternating rounds;
 * - writes: applications filed over HTTP at 1, 8 and 32 clients, against two baselines: naive sqlite-jdbc inserts
 *   (WAL, synchronous=FULL, one transaction per insert) of an application-sized row by as many threads in process,
 *   and a bare Jetty 12 handler that parses the same JSON and does the same naive insert, driven by the same wrk;
 * - many services: {@code --bundles} made-up bundles of 10 services beside the samples: the catalogue JSON, start
 *   time and resident set, against the samples alone;
 * - a big store: a centre whose store was filled with the larger {@code --apps} count of applications by the
 *   store's own schema and rows (the centre stopped meanwhile), against one with the smaller count: tracking, the
 *   open figures for 30 days and a year, their CSV, an agency inbox, and the resident set;
 * - cpu (only with {@code --only cpu}): processor time per filing at 32 clients, by thread group, from /proc
 *   ({@link CpuPerFiling}), for this build and the {@code --against} one.
 * It prints a markdown table, each row with the centre's figure, the baseline's and their ratio. Every load runs
 * for {@code --seconds} (10; {@code --quick}: 1, with 100 and 1,000 applications); only 127.0.0.1 is used.
 * {@code --against} also measures another build's reads and writes in the same rounds, for a ratio side by side.
 * {@code --engines} measures filing and tracking on SQLite and PostgreSQL, one node and three, side by side
 * ({@link Engines}; no wrk needed, the embedded PostgreSQL on the class path, as {@code load.sh --engines} puts it).
 * {@code --starts-only} measures warm starts alone ({@link Starts}): the samples and the samples with
 * {@code --bundles} made-up bundles, for this build and the {@code --against} one, in {@code --starts} rounds.
 */
public final class Load {
    static final String POLICE = "{\"serviceId\":\"ictpolice.character-certificate\",\"answers\":{\"fullName\":\"Load"
            + " Bench\",\"cnic\":\"61101-1234567-1\",\"purpose\":\"visa\",\"address\":\"House 1, Street 2, F-7/3\","
            + "\"mobile\":\"0300 1234567\"}}";
    static final String ANSWERS = "{\"fullName\":\"Load Bench\",\"cnic\":\"6110112345671\",\"purpose\":\"visa\","
            + "\"address\":\"House 1, Street 2, F-7/3\",\"mobile\":\"0300 1234567\"}";

    /** Held, so that the quieter level stays: the baseline Jetty's start and stop lines are not results. */
    private static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    public static void main(String[] args) throws Exception {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (o.engines) {
            Engines.run(o);
            return;
        }
        if (!Wrk.available()) {
            System.err.println("wrk is not installed; on Debian: apt-get install wrk");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Table table = new Table();
        if (o.startsOnly) {
            Starts.measure(o, table);
            table.print(String.format("Khidmat starts: %d cores, Java %s, %.0f s in all; compare only within one run",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), (System.nanoTime() - t0) / 1e9),
                    "distribution/bench/load.sh " + String.join(" ", o.given));
            return;
        }
        Path work = Files.createTempDirectory("khidmat-load-");
        List<String> sideBySide = new ArrayList<>();
        try (Home base = Home.copy(o.dist, "base"); Home other = o.against == null ? null : Home.copy(o.against, "against")) {
            base.start();
            if (other != null) {
                other.start();
            }
            if (o.runs("reads")) {
                reads(o, base, other, table, sideBySide);
            }
            if (o.runs("apps")) {
                writes(o, base, other, work, table, sideBySide);
            }
            if (o.runs("cpu")) {
                CpuPerFiling.measure(o, base, other, table, sideBySide);
            }
            base.stop();
            if (other != null) {
                other.stop();
            }
            if (o.runs("services")) {
                ManyServices.measure(o, base, table);
            }
        }
        if (o.runs("store")) {
            BigStore.measure(o, table);
        }
        deleteTree(work);
        table.print(String.format("Khidmat load benchmark: %d cores, Java %s, %d s a load, %d round(s), %.0f s in all;"
                + " the machine's other work shows in every figure, so compare only within one run",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.seconds, o.rounds,
                (System.nanoTime() - t0) / 1e9), "distribution/bench/load.sh " + String.join(" ", o.given));
        if (!sideBySide.isEmpty()) {
            System.out.println();
            System.out.println("side by side with " + o.against + " (this build / that build):");
            sideBySide.forEach(System.out::println);
        }
    }

    /** The catalogue JSON and page, each against a bare Jetty serving the same bytes, alternating. */
    static void reads(Options o, Home base, Home other, Table table, List<String> sideBySide) throws Exception {
        Client client = new Client();
        Map<String, BareJetty.Page> pages = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/services", "/")) {
            HttpResponse<byte[]> r = client.get(base.url(path));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            }
            pages.put(path, new BareJetty.Page(r.body(), r.headers().firstValue("Content-Type").orElse("text/plain")));
        }
        int services = count(new String(pages.get("/api/v1/services").bytes(), "UTF-8"), "\"bundle\":");
        try (BareJetty jetty = new BareJetty(pages)) {
            for (String path : pages.keySet()) {
                List<Wrk.Result> mine = new ArrayList<>();
                List<Wrk.Result> bare = new ArrayList<>();
                List<Wrk.Result> theirs = new ArrayList<>();
                // a run to warm each server's JIT first, not counted: the centre's JIT starts late on purpose
                Wrk.get(base.url(path), 32, o.seconds);
                Wrk.get(jetty.url(path), 32, o.seconds);
                if (other != null) {
                    Wrk.get(other.url(path), 32, o.seconds);
                }
                for (int round = 0; round < o.rounds; round++) {
                    mine.add(Wrk.get(base.url(path), 32, o.seconds));
                    bare.add(Wrk.get(jetty.url(path), 32, o.seconds));
                    if (other != null) {
                        theirs.add(Wrk.get(other.url(path), 32, o.seconds));
                    }
                }
                Wrk.Result k = best(mine);
                Wrk.Result j = best(bare);
                String what = path.equals("/") ? "catalogue page `/`" : "`GET /api/v1/services`, " + services + " services";
                table.add(what + " (" + pages.get(path).bytes().length / 1024 + " KB), 32 connections",
                        Table.perSecond(k.perSecond()) + ", p99 " + Table.ms(k.p99Ms()) + unexpected(mine),
                        "bare Jetty 12, same bytes: " + Table.perSecond(j.perSecond()) + unexpected(bare),
                        Table.ratio(k.perSecond(), j.perSecond()));
                if (other != null) {
                    sideBySide.add(what + ": " + Table.perSecond(k.perSecond()) + " / "
                            + Table.perSecond(best(theirs).perSecond()) + " = " + Table.ratio(k.perSecond(), best(theirs).perSecond()));
                }
            }
        }
    }

    /**
     * Applications filed at 1, 8 and 32 clients, against two baselines by as many clients: naive SQLite inserts in
     * process (no HTTP, no JSON), and a bare Jetty handler parsing the same JSON and doing the same naive insert over
     * HTTP, driven by the same wrk client as the centre (fair to the HTTP path, which shares the cores with wrk).
     */
    static void writes(Options o, Home base, Home other, Path work, Table table, List<String> sideBySide) throws Exception {
        int[] clients = {1, 8, 32};
        Wrk.Result[] mine = new Wrk.Result[3];
        Wrk.Result[] naive = new Wrk.Result[3];
        Wrk.Result[] bare = new Wrk.Result[3];
        try (BareJettyFiling jetty = new BareJettyFiling(work.resolve("bare-jetty"))) {
            Wrk.post(base.url("/api/v1/applications"), List.of(POLICE), 201, 8, o.seconds); // warming, not counted
            Wrk.post(jetty.url(), List.of(POLICE), 201, 8, o.seconds);
            if (other != null) {
                Wrk.post(other.url("/api/v1/applications"), List.of(POLICE), 201, 8, o.seconds);
            }
            for (int i = 0; i < clients.length; i++) {
                mine[i] = Wrk.post(base.url("/api/v1/applications"), List.of(POLICE), 201, clients[i], o.seconds);
                naive[i] = NaiveSqlite.run(work.resolve("naive-" + clients[i]), clients[i], o.seconds, ANSWERS);
                bare[i] = Wrk.post(jetty.url(), List.of(POLICE), 201, clients[i], o.seconds);
                if (other != null) {
                    Wrk.Result theirs = Wrk.post(other.url("/api/v1/applications"), List.of(POLICE), 201, clients[i], o.seconds);
                    sideBySide.add("applications/s at " + clients[i] + (clients[i] == 1 ? " client: " : " clients: ")
                            + Table.perSecond(mine[i].perSecond()) + " / " + Table.perSecond(theirs.perSecond()) + " = "
                            + Table.ratio(mine[i].perSecond(), theirs.perSecond()) + "; p99 " + Table.ms(mine[i].p99Ms())
                            + " / " + Table.ms(theirs.p99Ms()) + "; against naive SQLite in process "
                            + Table.ratio(mine[i].perSecond(), naive[i].perSecond()) + " / "
                            + Table.ratio(theirs.perSecond(), naive[i].perSecond()) + "; against bare Jetty + naive SQLite "
                            + Table.ratio(mine[i].perSecond(), bare[i].perSecond()) + " / "
                            + Table.ratio(theirs.perSecond(), bare[i].perSecond()));
                }
            }
        }
        long non201 = mine[0].unexpected() + mine[1].unexpected() + mine[2].unexpected();
        String khidmat = String.format("%.0f / %.0f / %.0f, p99 at 32: %s, non-201: %d", mine[0].perSecond(),
                mine[1].perSecond(), mine[2].perSecond(), Table.ms(mine[2].p99Ms()), non201);
        table.add("durable applications/s, 1 / 8 / 32 clients, against naive SQLite in process", khidmat,
                String.format("naive sqlite-jdbc in process (no HTTP, no JSON), one insert a transaction, WAL,"
                        + " synchronous=FULL: %.0f / %.0f / %.0f, p99 at 32: %s, failed: %d", naive[0].perSecond(),
                        naive[1].perSecond(), naive[2].perSecond(), Table.ms(naive[2].p99Ms()),
                        naive[0].unexpected() + naive[1].unexpected() + naive[2].unexpected()),
                ratios(mine, naive));
        table.add("durable applications/s, 1 / 8 / 32 clients, against bare Jetty + naive SQLite over HTTP", khidmat,
                String.format("bare Jetty 12 handler, same JSON parsed with Jackson, naive insert (one a transaction, WAL,"
                        + " synchronous=FULL), same wrk client: %.0f / %.0f / %.0f, p99 at 32: %s, non-201: %d",
                        bare[0].perSecond(), bare[1].perSecond(), bare[2].perSecond(), Table.ms(bare[2].p99Ms()),
                        bare[0].unexpected() + bare[1].unexpected() + bare[2].unexpected()),
                ratios(mine, bare));
    }

    private static String ratios(Wrk.Result[] mine, Wrk.Result[] baseline) {
        return Table.ratio(mine[0].perSecond(), baseline[0].perSecond()) + " / " + Table.ratio(mine[1].perSecond(),
                baseline[1].perSecond()) + " / " + Table.ratio(mine[2].perSecond(), baseline[2].perSecond());
    }

    /** @return the round with the most requests a second: the one least disturbed by the machine's other work */
    static Wrk.Result best(List<Wrk.Result> rounds) {
        return rounds.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
    }

    static String unexpected(List<Wrk.Result> rounds) {
        long n = rounds.stream().mapToLong(Wrk.Result::unexpected).sum();
        return n == 0 ? "" : ", " + n + " failed or not 2xx";
    }

    static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
