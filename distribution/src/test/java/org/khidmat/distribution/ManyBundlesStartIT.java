package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A centre with many agency bundles restarted: the deployer adopts them in one batch, and the catalogue a citizen
 * sees afterwards is the one before the restart (every service, its bundle version and its enablement); a jar
 * that arrives in deploy/ while the centre starts is deployed too; and an enablement change after the start
 * reaches the prepared catalogue JSON.
 */
class ManyBundlesStartIT {
    private static final String PASSWORD = "admin-password-for-many-bundles";
    private static final int BUNDLES = 30;
    private static final int PER_BUNDLE = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aRestartAdoptsEveryBundleAsItWasAndMissesNoJarArrivingMeanwhile() throws Exception {
        try (Centre centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", PASSWORD)) {
            for (int b = 1; b <= BUNDLES; b++) {
                String agency = String.format("many%02d", b);
                TestBundles jar = TestBundles.bundle("org.acme." + agency, "1.0." + b);
                for (int s = 1; s <= PER_BUNDLE; s++) {
                    jar.descriptor("s" + s, TestBundles.descriptor(agency + ".s" + s, agency, "Service " + b + "." + s));
                }
                jar.writeTo(centre.deploy().resolve(agency + ".jar"));
            }
            int all = SamplePlugins.serviceIds().size() + BUNDLES * PER_BUNDLE;
            centre.start();
            assertTrue(Centre.await(WAIT, () -> listed(centre).size() == all), "all listed after the first start");
            Admin admin = login(centre);
            assertEquals(200, post(centre, admin, "/api/v1/services/many07.s2/disable", "{\"reason\":\"system down\"}"));
            List<String> before = listed(centre);
            assertTrue(before.contains("many07.s2 org.acme.many07 1.0.7 closed"), before.toString());

            int code = centre.stop();
            assertTrue(code == 0 || code == 143, "a clean stop, exit code " + code);
            // a jar that arrives while the centre starts: written once the centre answers at all
            CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
                try {
                    Centre.await(WAIT, () -> answers(centre));
                    Path part = Files.write(centre.home().resolve("late.jar.part"), TestBundles.bundle("org.acme.late", "1.0.0")
                            .descriptor("s1", TestBundles.descriptor("late.s1", "late", "Arrived during the start")).bytes());
                    Files.move(part, centre.deploy().resolve("late.jar"), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            centre.start();
            late.get();
            assertTrue(Centre.await(WAIT, () -> listed(centre).contains("late.s1 org.acme.late 1.0.0 open")),
                    "the jar that arrived during the start is deployed: " + listed(centre));
            List<String> after = new ArrayList<>(listed(centre));
            after.remove("late.s1 org.acme.late 1.0.0 open");
            assertEquals(before, after, "the restarted centre lists what it listed before, enablement included");

            HttpResponse<String> json = centre.get("/api/v1/services");
            String etag = json.headers().firstValue("ETag").orElseThrow();
            assertEquals(200, post(centre, login(centre), "/api/v1/services/many07.s2/enable", ""));
            HttpResponse<String> again = centre.get("/api/v1/services");
            assertNotEquals(etag, again.headers().firstValue("ETag").orElseThrow(), "the prepared JSON is made again");
            assertTrue(lines(again.body()).contains("many07.s2 org.acme.many07 1.0.7 open"), again.body());
        }
    }

    private static boolean answers(Centre centre) {
        try {
            centre.get("/health");
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The catalogue JSON as one line a service: id, bundle, version, open or closed; in the catalogue's order. */
    private static List<String> listed(Centre centre) {
        HttpResponse<String> r = centre.get("/api/v1/services");
        assertEquals(200, r.statusCode(), r.body());
        return lines(r.body());
    }

    private static List<String> lines(String body) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode s : JSON.readTree(body)) {
                out.add(s.get("id").asText() + " " + s.get("bundle").get("symbolicName").asText() + " "
                        + s.get("bundle").get("version").asText() + " " + (s.get("enabled").asBoolean() ? "open" : "closed"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A logged-in admin: the client holding the session cookie, and the session's CSRF token. */
    private record Admin(HttpClient http, String csrf) {
    }

    private static Admin login(Centre centre) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/login")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new Admin(http, JSON.readTree(r.body()).get("csrf").asText());
    }

    private static int post(Centre centre, Admin admin, String path, String body) throws Exception {
        HttpResponse<String> r = admin.http().send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("X-CSRF-Token", admin.csrf())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
