package org.khidmat.distribution.containment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * The real distribution against agency bundles that try to reach outside their place: a symbolic name that
 * is a path, imports and exports of the platform's own packages, and a copy into deploy/ that pauses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainmentIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN_PASSWORD = "admin-password-for-containment";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private Centre centre;
    private HttpClient admin;
    private String csrf;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", ADMIN_PASSWORD).start();
        admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
        assertEquals(200, login.statusCode(), login.body());
        csrf = JSON.readTree(login.body()).get("csrf").asText();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    @Test
    void aSymbolicNameThatIsAPathIsRefusedFromTheFolderAndOverHttpAndTouchesNothing() throws Exception {
        Map<String, String> before = outsideData();
        byte[] evil = TestBundles.bundle("../../conf", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("evil.climb", "evil", "Climbs out")).bytes();
        Path marker = centre.deploy().resolve("climb.jar.failed");
        Files.write(centre.deploy().resolve("climb.jar"), evil);
        assertTrue(Centre.await(WAIT, () -> Files.exists(marker)), "refused with a marker");
        assertTrue(Files.readString(marker).contains("the Bundle-SymbolicName '../../conf' is not a valid symbolic name"),
                Files.readString(marker));

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/v1/bundles")).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/java-archive").PUT(HttpRequest.BodyPublishers.ofByteArray(evil)));
        assertEquals(422, put.statusCode(), put.body());
        assertTrue(put.body().contains("is not a valid symbolic name"), put.body());

        Files.delete(centre.deploy().resolve("climb.jar"));
        assertTrue(Centre.await(WAIT, () -> !Files.exists(marker)));
        assertEquals(before, outsideData(), "conf/, bin/, bundles/, lib/ and deploy/ as they were; nothing new beside them");
        assertTrue(Files.isDirectory(centre.home().resolve("conf")));
        try (Stream<Path> archive = Files.list(centre.home().resolve("data/deployer"))) {
            assertTrue(archive.noneMatch(p -> p.getFileName().toString().contains("conf")), "no folder for it in data/deployer");
        }
        assertEquals(200, centre.get("/health").statusCode());
    }

    @Test
    void aBundleImportingThePlatformsOwnPackageIsRefusedWithTheAllowedList() throws Exception {
        assertRefused("reach.jar", TestBundles.bundle("org.evil.reach", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("reach.svc", "reach", "Reaches in"))
                .header("Import-Package", "org.khidmat.api;version=\"[1.1,2)\",org.khidmat.api.platform;version=\"[1.0,2)\"").bytes(),
                "bundle org.evil.reach 1.0.0 imports org.khidmat.api.platform, which is the platform's own; agency bundles "
                        + "may import only: org.khidmat.api, org.khidmat.api.descriptor, org.khidmat.api.payment");
        assertRefused("jetty.jar", TestBundles.bundle("org.evil.jetty", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("jetty.svc", "jetty", "Serves itself"))
                .header("Import-Package", "org.eclipse.jetty.server").bytes(),
                "bundle org.evil.jetty 1.0.0 imports org.eclipse.jetty.server, which is the platform's own");
        assertRefused("core.jar", TestBundles.bundle("org.evil.core", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("core.svc", "core", "Requires core"))
                .header("Require-Bundle", "org.khidmat.core").bytes(),
                "bundle org.evil.core 1.0.0 requires bundle org.khidmat.core, which is part of the platform");
    }

    @Test
    void aBundleExportingAPlatformPackageIsRefusedAndTheCentreKeepsDeploying() throws Exception {
        assertRefused("api.jar", TestBundles.bundle("org.evil.api", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("fakeapi.svc", "fakeapi", "Shadows the API"))
                .header("Export-Package", "org.khidmat.api;version=\"1.9.0\"").bytes(),
                "bundle org.evil.api 1.0.0 exports org.khidmat.api, a package of the platform");
        assertRefused("jackson.jar", TestBundles.bundle("org.evil.jackson", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("jackson.svc", "jackson", "Shadows Jackson"))
                .header("Export-Package", "com.fasterxml.jackson.core;version=\"9.0.0\"").bytes(),
                "bundle org.evil.jackson 1.0.0 exports com.fasterxml.jackson.core, which the platform's bundle "
                        + "org.apache.felix.framework");
        Files.write(centre.deploy().resolve("after.jar"), TestBundles.bundle("org.acme.after", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("after.svc", "after", "Deployed after")).bytes());
        assertTrue(Centre.await(WAIT, () -> centre.get("/api/v1/services/after.svc").statusCode() == 200), "deploys still work");
        Files.delete(centre.deploy().resolve("after.jar"));
        assertTrue(Centre.await(WAIT, () -> centre.get("/api/v1/services/after.svc").statusCode() == 404));
    }

    @Test
    void aCopyThatPausesIsWaitedForNotRefused() throws Exception {
        int refusalsBefore = refusals();
        byte[] jar = TestBundles.bundle("org.acme.pausing", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("pausing.svc", "pausing", "Copied slowly"))
                .entry("padding.bin", new byte[200_000]).bytes();
        Path file = centre.deploy().resolve("pausing.jar");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(jar, 0, jar.length / 2);
            out.flush();
            Thread.sleep(2_500);
            out.write(jar, jar.length / 2, jar.length - jar.length / 2);
        }
        assertTrue(Centre.await(WAIT, () -> centre.get("/api/v1/services/pausing.svc").statusCode() == 200), "deployed");
        assertFalse(Files.exists(centre.deploy().resolve("pausing.jar.failed")), "no .failed marker");
        assertEquals(refusalsBefore, refusals(), "no bundle.refuse in the audit log");
        Files.delete(file);
        assertTrue(Centre.await(WAIT, () -> centre.get("/api/v1/services/pausing.svc").statusCode() == 404));
    }

    private void assertRefused(String name, byte[] jar, String reason) throws Exception {
        Path marker = centre.deploy().resolve(name + ".failed");
        Files.write(centre.deploy().resolve(name), jar);
        assertTrue(Centre.await(WAIT, () -> Files.exists(marker)), name + " refused");
        String why = Files.readString(marker);
        assertTrue(why.contains(reason), "marker says:\n" + why + "\nexpected:\n" + reason);
        Files.delete(centre.deploy().resolve(name));
        assertTrue(Centre.await(WAIT, () -> !Files.exists(marker)));
    }

    private int refusals() throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/audit?q=bundle.refuse&limit=1000")).GET());
        assertEquals(200, r.statusCode(), r.body());
        int n = 0;
        for (JsonNode row : JSON.readTree(r.body())) {
            n += "bundle.refuse".equals(row.path("action").asText()) ? 1 : 0;
        }
        return n;
    }

    /** Every file outside data/ and logs/, with its size and time: what a climbing name could have touched. */
    private Map<String, String> outsideData() throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path home = centre.home();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                String rel = home.relativize(p).toString();
                if (rel.startsWith("data") || rel.startsWith("logs") || rel.isEmpty()) {
                    continue;
                }
                files.put(rel, Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        // the home's parent too: a name climbing two levels from data/deployer lands beside the home
        try (Stream<Path> beside = Files.list(home.getParent())) {
            beside.forEach(p -> files.put("../" + p.getFileName(), "beside"));
        }
        return files;
    }

    private URI uri(String path) {
        return URI.create(centre.url(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return admin.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
