import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: defaults for a full run, {@code --quick} for a smoke run of a minute or two. */
final class Options {
    Path dist = Path.of("distribution/target/khidmat");
    Path against;
    boolean quick;
    boolean startsOnly;
    /** {@code --engines}: SQLite and PostgreSQL, one node and three, side by side ({@link Engines}). */
    boolean engines;
    int seconds = 10;
    int rounds = 2;
    int starts = 3;
    int bundles = 40;
    int timings = 5;
    List<Integer> apps = List.of(1_000, 1_000_000);
    /** The parts to run ({@link #PARTS}); empty for all. */
    java.util.Set<String> only = java.util.Set.of();
    /**
     * reads: the catalogue against bare Jetty; apps: applications against naive SQLite; cpu: processor time per filing
     * by thread (only with --only cpu: it compares builds, it has no baseline of its own); services; store.
     */
    static final List<String> PARTS = List.of("reads", "apps", "cpu", "services", "store");
    final List<String> given = new ArrayList<>();

    static Options parse(String[] args) {
        Options o = new Options();
        boolean secondsSet = false;
        boolean appsSet = false;
        for (int i = 0; i < args.length; i++) {
            o.given.add(args[i]);
            switch (args[i]) {
                case "--quick" -> o.quick = true;
                case "--starts-only" -> o.startsOnly = true;
                case "--engines" -> o.engines = true;
                case "--seconds" -> {
                    o.seconds = Integer.parseInt(o.next(args, ++i));
                    secondsSet = true;
                }
                case "--rounds" -> o.rounds = Integer.parseInt(o.next(args, ++i));
                case "--starts" -> o.starts = Integer.parseInt(o.next(args, ++i));
                case "--bundles" -> o.bundles = Integer.parseInt(o.next(args, ++i));
                case "--apps" -> {
                    o.apps = List.of(o.next(args, ++i).split(",")).stream().map(s -> Integer.parseInt(s.strip())).toList();
                    appsSet = true;
                }
                case "--against" -> o.against = Path.of(o.next(args, ++i));
                case "--only" -> {
                    o.only = java.util.Set.of(o.next(args, ++i).split(","));
                    if (!PARTS.containsAll(o.only)) {
                        throw new IllegalArgumentException("--only takes parts from " + PARTS + ", comma-separated: "
                                + "--only apps");
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "; the options are --quick, --starts-only, --engines,"
                                + " --seconds N, --rounds N, --starts N, --bundles N, --apps N,M, --against DIST, --only PART[,PART]");
                    }
                    o.dist = Path.of(args[i]);
                }
            }
        }
        if (o.quick) {
            o.seconds = secondsSet ? o.seconds : o.engines ? 2 : 1;
            o.rounds = 1;
            o.starts = 1;
            o.timings = 2;
            o.apps = appsSet ? o.apps : List.of(100, 1_000);
        }
        if (o.apps.size() != 2 || o.apps.get(0) < 1 || o.apps.get(1) < o.apps.get(0)) {
            throw new IllegalArgumentException("--apps takes two counts, the baseline first: --apps 1000,1000000");
        }
        return o;
    }

    /** @return whether this part of the benchmark runs; cpu only when asked for by name */
    boolean runs(String part) {
        return only.contains(part) || only.isEmpty() && !part.equals("cpu");
    }

    private String next(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        given.add(args[i]);
        return args[i];
    }
}
