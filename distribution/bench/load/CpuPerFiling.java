import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Processor time per filing, by thread: the centre's JVM's user and system time (from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/task/<tid>/stat}) read before and after {@code wrk} files applications at 32 clients, divided by
 * the filings acknowledged. Unlike requests a second it hardly moves with the machine's other work, so builds compare
 * on a busy machine (still, a machine whose cores are shared many times over raises every figure: the builds run in
 * alternating rounds, and the least figure of each counts). Threads are grouped by name with digits taken out ({@code qtp123-45} counts as {@code qtp#-#}):
 * the HTTP threads, the store's writer, the JIT's compiler threads, the collector. The kernel counts in ticks of
 * 10 ms, so a measure needs a few seconds of load.
 */
final class CpuPerFiling {
    /** Microseconds of processor time per filing: the whole process and each thread group. */
    record Result(long filings, double allMicros, Map<String, Double> byGroupMicros, double perSecond,
            double writtenKb) {
        String describe() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%.0f us a filing (%d filings, %.0f/s, %.1f KB written to disk a filing):", allMicros, filings,
                    perSecond, writtenKb));
            byGroupMicros.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .filter(e -> e.getValue() >= 5).forEach(e -> s.append(String.format(Locale.ROOT, " %s %.0f,",
                            e.getKey(), e.getValue())));
            s.setLength(s.length() - 1);
            return s.toString();
        }
    }

    private CpuPerFiling() {
    }

    static void measure(Options o, Home base, Home other, Table table, List<String> sideBySide) throws Exception {
        int seconds = Math.max(5, o.seconds);
        String url = "/api/v1/applications";
        Wrk.post(base.url(url), List.of(Load.POLICE), 201, 32, seconds); // warming, not counted
        if (other != null) {
            Wrk.post(other.url(url), List.of(Load.POLICE), 201, 32, seconds);
        }
        Result mine = null;
        Result theirs = null;
        for (int round = 0; round < Math.max(2, o.rounds); round++) { // alternating; the least of each build counts
            mine = least(mine, run(base, seconds));
            if (other != null) {
                theirs = least(theirs, run(other, seconds));
            }
        }
        table.add("processor time per filing at 32 clients (all threads of the centre's JVM)", mine.describe(),
                theirs == null ? "(no --against build)" : "the --against build: " + theirs.describe(),
                theirs == null ? "" : Table.ratio(mine.allMicros(), theirs.allMicros()));
        if (theirs != null) {
            sideBySide.add(String.format(Locale.ROOT, "processor time a filing at 32 clients: %.0f us / %.0f us = %s",
                    mine.allMicros(), theirs.allMicros(), Table.ratio(mine.allMicros(), theirs.allMicros())));
            sideBySide.add(String.format(Locale.ROOT, "disk written a filing at 32 clients: %.1f KB / %.1f KB = %s",
                    mine.writtenKb(), theirs.writtenKb(), Table.ratio(mine.writtenKb(), theirs.writtenKb())));
        }
    }

    /** @return the round that took less processor time a filing: the one the machine's other work disturbed least */
    static Result least(Result a, Result b) {
        return a == null || b.allMicros() < a.allMicros() ? b : a;
    }

    static Result run(Home home, int seconds) throws IOException, InterruptedException {
        long pid = home.pid();
        long all0 = processTicks(pid);
        long written0 = writtenBytes(pid);
        Map<String, Long> by0 = groupTicks(pid);
        Wrk.Result r = Wrk.post(home.url("/api/v1/applications"), List.of(Load.POLICE), 201, 32, seconds);
        long all1 = processTicks(pid);
        long written1 = writtenBytes(pid);
        Map<String, Long> by1 = groupTicks(pid);
        long filings = r.requests() - r.unexpected();
        if (filings <= 0) {
            throw new IllegalStateException("no application was filed in " + seconds + " s; is the centre serving?");
        }
        double perFiling = 10_000.0 / filings; // a tick is 10 ms = 10,000 us
        Map<String, Double> by = new TreeMap<>();
        by1.forEach((group, ticks) -> {
            long d = ticks - by0.getOrDefault(group, 0L); // a thread that ended meanwhile is only in the whole
            if (d > 0) {
                by.put(group, d * perFiling);
            }
        });
        return new Result(filings, (all1 - all0) * perFiling, by, r.perSecond(),
                (written1 - written0) / 1024.0 / filings);
    }

    /** @return utime + stime of the process, dead threads included */
    static long processTicks(long pid) throws IOException {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * @return the bytes the process caused to be written to storage ({@code write_bytes} of {@code /proc/<pid>/io}:
     *     the WAL's frames and the checkpoints' pages, counted as they are dirtied), or 0 where the kernel keeps no
     *     such count
     */
    static long writtenBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no I/O accounting here: the figure reads 0
        }
        return 0;
    }

    /** @return utime + stime per thread group, living threads only */
    static Map<String, Long> groupTicks(long pid) throws IOException {
        Map<String, Long> by = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    by.merge(name, ticks(task.resolve("stat")), Long::sum);
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return by;
    }

    private static long ticks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime, fields 14 and 15
    }
}
