package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.khidmat.distribution.Centre;

/**
 * One centre for a fault test: the built distribution in the test's folder, started with the suite's short start
 * limit, public POSTs unthrottled (the suite's citizens all come from 127.0.0.1) and a known admin password; and
 * the checks every fault ends with.
 */
final class FaultCentre implements AutoCloseable {
    /** The start limit the suite sets with KHIDMAT_DEPLOY_START_TIMEOUT, in seconds. */
    static final long START_LIMIT_SECONDS = 3;
    static final Duration SOON = Duration.ofSeconds(5);

    private final Centre centre;
    /** Staff sessions live in the centre's memory: a restart needs a new login. */
    private AdminClient admin;

    private FaultCentre(Centre centre) {
        this.centre = centre;
        this.admin = AdminClient.login(centre);
    }

    static FaultCentre start(Path folder) throws IOException, InterruptedException {
        Centre c = Centre.install(folder.resolve("centre"))
                .env("KHIDMAT_ADMIN_PASSWORD", AdminClient.PASSWORD)
                .env("KHIDMAT_DEPLOY_START_TIMEOUT", Long.toString(START_LIMIT_SECONDS))
                .env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "0")
                .start();
        return new FaultCentre(c);
    }

    Centre centre() {
        return centre;
    }

    AdminClient admin() {
        return admin;
    }

    Path deploy(String file) {
        return centre.deploy().resolve(file);
    }

    /** @return the ids /api/v1/services lists now */
    Set<String> catalogue() {
        HttpResponse<String> r = centre.get("/api/v1/services");
        assertEquals(200, r.statusCode(), r.body());
        return Poller.ids(r.body());
    }

    boolean listed(String serviceId) {
        return catalogue().contains(serviceId);
    }

    /** @return the bundle as GET /api/v1/bundles (admin) lists it */
    Optional<JsonNode> bundle(String symbolicName) {
        for (JsonNode b : admin.bundles()) {
            if (b.get("symbolicName").asText().equals(symbolicName)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    static JsonNode verdict(HttpResponse<String> r) {
        return AdminClient.read(r.body());
    }

    /** @return the text of the one .failed marker in deploy/ that mentions {@code text}, if any */
    Optional<String> markerMentioning(String text) {
        try (Stream<Path> files = Files.list(centre.deploy())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".failed")).toList()) {
                String s = Files.readString(f);
                if (s.contains(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        return Centre.await(limit, condition);
    }

    /**
     * Fails when data/deployer holds a file of the refused bundle: its archive folder, a jar named for it, or an
     * incoming copy. Names containing one of {@code kept} are what the design keeps on purpose.
     */
    void assertNothingLeftOf(String symbolicName, String... kept) throws IOException {
        Path deployer = centre.home().resolve("data/deployer");
        List<String> left;
        try (Stream<Path> all = Files.walk(deployer)) {
            left = all.filter(p -> !p.equals(deployer)).map(p -> deployer.relativize(p).toString())
                    .filter(n -> n.contains(symbolicName) || n.startsWith("incoming-"))
                    .filter(n -> Stream.of(kept).noneMatch(n::contains)).toList();
        }
        assertEquals(List.of(), left, "data/deployer keeps files of the refused " + symbolicName);
    }

    /**
     * Stops the centre with SIGTERM (it must end within 20 s, cleanly), starts it again on the same home and checks
     * that it prints its ready line and lists the same catalogue as before the stop.
     */
    void assertCleanRestart() throws Exception {
        Set<String> before = catalogue();
        long t0 = System.nanoTime();
        int code = centre.stop();
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(code == 0 || code == 143, "a clean stop on SIGTERM; exit code " + code + " after " + stopMillis + " ms");
        assertTrue(stopMillis < 20_000, "stopped in " + stopMillis + " ms");
        centre.start();
        admin = AdminClient.login(centre);
        assertTrue(centre.readyLine().contains("serving " + before.size() + " services"), centre.readyLine());
        assertEquals(before, catalogue(), "the catalogue after the restart");
    }

    @Override
    public void close() throws InterruptedException {
        centre.stop();
    }
}
