import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of a built distribution in a temporary folder of its own, started with {@code bin/khidmat} on a free
 * loopback port, as an operator starts it. The admin's password is set, and the public POST limit is off: the
 * benchmark posts from one address far faster than the 120 a minute a citizen may.
 */
final class Home implements AutoCloseable {
    static final String ADMIN_PASSWORD = "load-benchmark-admin-password";
    private static final long READY_SECONDS = 120;

    final Path dir;
    final int port;
    /** Variables set for the centre beside the benchmark's own (a database URL, a node name), by {@link #env}. */
    private final java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    private Process process;

    private Home(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Home copy(Path dist, String name) throws IOException {
        if (!Files.isExecutable(dist.resolve("bin/khidmat"))) {
            throw new IllegalStateException("no built distribution at " + dist + "; run mvn -B package -DskipTests first");
        }
        Path dir = Files.createTempDirectory("khidmat-load-" + name + "-");
        try (Stream<Path> all = Files.walk(dist)) {
            for (Path p : all.toList()) {
                Path t = dir.resolve(dist.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new Home(dir, freePort());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Sets a variable of the centre's environment for its next start; returns this home. */
    Home env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** @return the process id of the running centre's JVM, or -1 when it is stopped */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    Path database() {
        return dir.resolve("data/khidmat.db");
    }

    /** Starts the centre and waits for its ready line; returns the seconds from launch to that line. */
    double start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(dir.resolve("bin/khidmat").toString()).redirectErrorStream(true);
        pb.environment().put("KHIDMAT_HOME", dir.toString());
        pb.environment().put("KHIDMAT_PORT", Integer.toString(port));
        pb.environment().put("KHIDMAT_HOST", "127.0.0.1");
        pb.environment().put("KHIDMAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "0");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        process = pb.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    if (!ready.isDone()) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("Khidmat is ready")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(null);
        }, "centre-output-" + port);
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = ready.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (line == null) {
            stop();
            throw new IllegalStateException("the centre in " + dir + " printed no ready line within " + READY_SECONDS
                    + " s; its output:\n" + output);
        }
        return seconds;
    }

    /** SIGTERM, then waits up to 60 s (a centre on a million applications takes a moment to close its store). */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** @return the process id of the centre's JVM */
    /**
     * @return the processor time the centre's JVM used so far, user and system, in seconds (/proc/pid/stat; the
     *         kernel counts it in ticks of 10 ms): less disturbed by the machine's other work than the wall clock
     */
    double cpuSeconds() throws IOException {
        if (process == null) {
            throw new IllegalStateException("the centre is not running");
        }
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime and stime, fields 14 and 15
    }

    /** @return the resident set of the centre's JVM in MB, from /proc/pid/status (VmRSS) */
    double rssMb() throws IOException {
        if (process == null) {
            throw new IllegalStateException("the centre is not running");
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Work measured while the centre's resident set is sampled every 100 ms. */
    interface Work<T> {
        T run() throws Exception;
    }

    /** A result and the largest resident set, in MB, seen while it was made. */
    record Peak<T>(T result, double rssMb) {
    }

    <T> Peak<T> peakRss(Work<T> work) throws Exception {
        double[] peak = {rssMb()};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak[0] = Math.max(peak[0], rssMb());
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | IllegalStateException e) {
                    return; // the centre stopped; what was seen stands
                }
            }
        }, "rss-" + port);
        sampler.setDaemon(true);
        sampler.start();
        T result;
        try {
            result = work.run();
        } finally {
            sampler.interrupt();
            sampler.join(1000);
        }
        return new Peak<>(result, peak[0]);
    }
}
