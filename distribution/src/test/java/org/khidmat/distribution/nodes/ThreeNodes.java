package org.khidmat.distribution.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.khidmat.distribution.Centre;
import org.khidmat.testkit.Postgres;

/**
 * Three real distributions (three homes, three loopback ports, {@code KHIDMAT_NODE} node-1..3) serving one centre over
 * ONE PostgreSQL database (a fresh schema of the testkit's embedded server), as an operator sets them up behind a
 * balancer: the same audit key in each home, node 1 the only one watching its {@code deploy/}, public forms
 * unthrottled (the test's citizens all come from 127.0.0.1).
 */
final class ThreeNodes implements AutoCloseable {
    static final String CENTRE = "isb-g11";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Postgres.Db db;
    private final Centre[] nodes = new Centre[3];

    private ThreeNodes(Postgres.Db db) {
        this.db = db;
    }

    /** Installs the three homes, each with the same audit key; {@link #startAll()} starts them. */
    static ThreeNodes install(Path folder) throws IOException {
        ThreeNodes three = new ThreeNodes(Postgres.database());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = HexFormat.of().formatHex(secret) + "\n"; // nodes over one database share the key of its chain
        for (int i = 0; i < 3; i++) {
            Centre c = Centre.install(folder.resolve("node" + (i + 1)))
                    .env("KHIDMAT_NODE", "node-" + (i + 1)).env("KHIDMAT_CENTRE", CENTRE)
                    .env("KHIDMAT_DB_URL", three.db.url()).env("KHIDMAT_DB_USER", three.db.user())
                    .env("KHIDMAT_ADMIN_PASSWORD", Staffer.PASSWORD).env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "0")
                    .env("KHIDMAT_WATCH_DEPLOY_FOLDER", Boolean.toString(i == 0));
            Path keyFile = c.home().resolve("data").resolve("audit.key");
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            three.nodes[i] = c;
        }
        return three;
    }

    /** Starts node 1 (it migrates the database and seeds the bundle set), then nodes 2 and 3 together. */
    void startAll() throws IOException, InterruptedException {
        nodes[0].start();
        CompletableFuture<Centre> second = CompletableFuture.supplyAsync(() -> started(nodes[1]));
        try {
            nodes[2].start();
        } finally {
            second.join(); // a failure to start either fails the class, whose @AfterAll stops what did start
        }
    }

    private static Centre started(Centre c) {
        try {
            return c.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return node 1, 2 or 3 */
    Centre node(int n) {
        return nodes[n - 1];
    }

    List<Centre> all() {
        return List.of(nodes);
    }

    /**
     * Kills node {@code n} with SIGKILL: the JVM itself (found by its class path in the node's home), not a script
     * that may have started it, then reaps the process the test started.
     */
    void kill(int n) throws InterruptedException {
        Centre c = node(n);
        String classPath = c.home().resolve("lib") + "/";
        List<ProcessHandle> jvms = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains("org.khidmat.launcher.Main") && List.of(a).stream().anyMatch(x -> x.startsWith(classPath)))
                .orElse(false)).toList();
        if (jvms.size() != 1) {
            throw new AssertionError("expected one JVM of node " + n + " (class path " + classPath + "), found " + jvms.size());
        }
        jvms.get(0).destroyForcibly();
        jvms.get(0).onExit().join();
        c.kill();
    }

    /**
     * Runs {@code bin/khidmat verify-audit} of node 1's home against the database, as an operator checks the chain.
     *
     * @return its first line of output (the verdict), after it ended with 0
     */
    String verifyAudit() throws IOException, InterruptedException {
        Centre c = nodes[0];
        Path said = Files.createTempFile(c.home().getParent(), "verify-audit", ".out");
        ProcessBuilder pb = new ProcessBuilder(c.home().resolve("bin/khidmat").toString(), "verify-audit")
                .redirectErrorStream(true).redirectOutput(said.toFile());
        pb.environment().put("KHIDMAT_HOME", c.home().toString());
        pb.environment().put("KHIDMAT_DB_URL", db.url());
        pb.environment().put("KHIDMAT_DB_USER", db.user());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("bin/khidmat verify-audit did not end within 60 s");
        }
        List<String> lines = Files.readAllLines(said, StandardCharsets.UTF_8);
        Files.delete(said);
        if (p.exitValue() != 0 || lines.isEmpty()) {
            throw new AssertionError("bin/khidmat verify-audit ended with " + p.exitValue() + ": " + lines);
        }
        return lines.get(0);
    }

    /** Writes a jar elsewhere and moves it into the node's deploy/, as an operator should. */
    static void drop(Centre node, String name, byte[] jar) throws IOException {
        Path elsewhere = node.home().resolve(name + ".tmp");
        Files.write(elsewhere, jar);
        Files.move(elsewhere, node.deploy().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static HttpResponse<String> post(Centre node, String path, String json) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the service of that id in the node's public list, if it lists it (and answers 200) */
    static Optional<JsonNode> service(Centre node, String id) {
        HttpResponse<String> r = node.get("/api/v1/services");
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode s : read(r.body())) {
            if (s.get("id").asText().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static String version(Centre node, String id) {
        return service(node, id).map(s -> s.at("/bundle/version").asText()).orElse("");
    }

    /** @return what the citizen sees of every service: id -> "enabled|disabled bundle@version" */
    static Map<String, String> serviceStates(Centre node) {
        HttpResponse<String> r = node.get("/api/v1/services");
        if (r.statusCode() != 200) {
            throw new AssertionError(node.url("/api/v1/services") + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, String> states = new TreeMap<>();
        for (JsonNode s : read(r.body())) {
            states.put(s.get("id").asText(), (s.get("enabled").asBoolean() ? "enabled " : "disabled ")
                    + s.at("/bundle/symbolicName").asText() + "@" + s.at("/bundle/version").asText());
        }
        return states;
    }

    /** @return the agency bundles as the admin API shows them: symbolic name -> "version state sha256" */
    static Map<String, String> bundles(Staffer admin) {
        HttpResponse<String> r = admin.get("/api/v1/bundles");
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/bundles answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, String> bundles = new TreeMap<>();
        for (JsonNode b : read(r.body())) {
            bundles.put(b.get("symbolicName").asText(), b.get("version").asText() + " " + b.get("state").asText() + " "
                    + b.get("sha256").asText());
        }
        return bundles;
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i] != null) {
                nodes[i].stop();
            }
        }
    }
}
