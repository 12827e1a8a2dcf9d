package org.khidmat.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The real distribution, copied to a folder of the test's own and started with {@code bin/khidmat} on a
 * free loopback port, as an operator would start it.
 */
public final class Centre implements AutoCloseable {
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    private Process process;
    private Thread reader;
    private String readyLine;

    private Centre(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Copies the built distribution into {@code home} (which must not exist yet or be empty). */
    public static Centre install(Path home) throws IOException {
        Path dist = Path.of(System.getProperty("khidmat.dist", "target/khidmat"));
        if (!Files.isExecutable(dist.resolve("bin/khidmat"))) {
            throw new IllegalStateException("no built distribution at " + dist + "; run mvn package first");
        }
        try (Stream<Path> all = Files.walk(dist)) {
            for (Path p : all.toList()) {
                Path to = home.resolve(dist.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Centre(home, freePort());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts the centre and waits for its ready line. */
    public Centre start() throws IOException, InterruptedException {
        output.clear();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/khidmat").toString()).redirectErrorStream(true);
        pb.environment().put("KHIDMAT_PORT", Integer.toString(port));
        pb.environment().put("KHIDMAT_HOME", home.toString());
        pb.environment().put("KHIDMAT_HOST", "127.0.0.1");
        pb.environment().putAll(env);
        process = pb.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    output.add(line);
                    if (line.startsWith("Khidmat is ready")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(null);
        }, "centre-output");
        reader.setDaemon(true);
        reader.start();
        try {
            readyLine = ready.get(READY_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            readyLine = null;
        }
        if (readyLine == null) {
            stop();
            throw new IllegalStateException("the centre did not print its ready line; output:\n" + String.join("\n", output));
        }
        return this;
    }

    /** Sets an environment variable for the next starts, for example {@code KHIDMAT_DEV_CONSOLE=true}. */
    public Centre env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Points this centre's store at {@code database} ({@code conf/org.khidmat.store.cfg.json}): a SQLite file other
     * centres may name too, as nodes of one install. {@link Nodes} sets up such nodes.
     */
    public Centre sharing(Path database) throws IOException {
        Files.writeString(home.resolve("conf/org.khidmat.store.cfg.json"),
                "{ \"database\": \"" + database.toAbsolutePath() + "\" }\n");
        return this;
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we still read
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        int code = process.exitValue();
        process = null;
        reader.join(5_000);
        return code;
    }

    /** Kills the process with SIGKILL, as a power cut would stop it, and waits for it to end; returns its exit code. */
    public int kill() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.toHandle().destroyForcibly();
        process.waitFor();
        int code = process.exitValue();
        process = null;
        reader.join(5_000);
        return code;
    }

    public String readyLine() {
        return readyLine;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public Path home() {
        return home;
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pays an application's fee with the simulated wallet, as its applicant, through the public JSON API.
     *
     * @throws AssertionError when the centre does not answer 201 (paid now) or 200 (paid before)
     */
    public void pay(String reference, String cnic) {
        HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(url("/api/v1/payments")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"reference\":\"" + reference + "\",\"cnic\":\"" + cnic + "\",\"provider\":\"simpay.wallet\"}")));
        if (paid.statusCode() != 201 && paid.statusCode() != 200) {
            throw new AssertionError("paying " + reference + " answered " + paid.statusCode() + ": " + paid.body());
        }
    }

    /** Waits until the condition holds, for at most {@code limit}; returns whether it did. */
    public static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
