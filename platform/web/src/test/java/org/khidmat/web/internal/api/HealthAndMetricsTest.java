package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.FakeCatalogue;
import org.khidmat.web.internal.http.FakeDeployer;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.HttpMetrics;
import org.khidmat.web.internal.http.Liveness;
import org.khidmat.web.internal.http.TestServer;
import org.khidmat.web.internal.http.TrustedProxies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;

/** The health endpoints, /metrics and the services list during a start, on port 0 with fakes. */
class HealthAndMetricsTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean deployed = new AtomicBoolean(false);
    private final AtomicReference<HealthResult> store = new AtomicReference<>(HealthResult.ok("answers"));
    private final List<Map.Entry<Map<String, Object>, HealthCheck>> checks = new CopyOnWriteArrayList<>();
    private final Recorded metrics = new Recorded();
    @TempDir
    Path conf;
    private TestServer server;
    private String token;

    /** Keeps what it is told, and writes it back as the scrape. */
    static final class Recorded implements Metrics {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void count(String name, String... labels) {
            seen.add(name + " " + String.join(",", labels));
        }

        @Override
        public void observe(String name, double value, String... labels) {
            seen.add(name + " " + String.join(",", labels));
        }

        @Override
        public void set(String name, double value, String... labels) {
            seen.add(name + " " + String.join(",", labels) + " = " + value);
        }

        @Override
        public void write(OutputStream out) throws java.io.IOException {
            out.write(("# TYPE khidmat_ready gauge\n" + String.join("\n", seen) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map.Entry<Map<String, Object>, HealthCheck> check(String name, boolean readiness, HealthCheck c) {
        return new AbstractMap.SimpleEntry<>(Map.of(HealthCheck.NAME, name, HealthCheck.READINESS, readiness), c);
    }

    @BeforeEach
    void start() throws Exception {
        FakeCatalogue catalogue = new FakeCatalogue().add("nadra", "cnic", "identity", java.time.Instant.EPOCH);
        Gate gate = new Gate(TestServer::noAccounts);
        MetricsToken t = MetricsToken.loadOrCreate(conf);
        token = Files.readString(conf.resolve(MetricsToken.FILE)).strip();
        checks.add(check("deployer", true, () -> deployed.get() ? HealthResult.ok("done") : HealthResult.critical("starting")));
        checks.add(check("disk", false, () -> HealthResult.warn("900 MB free")));
        server = new TestServer(new Liveness(new HttpMetrics(new Handler.Sequence(
                new HealthApi(catalogue, FakeDeployer.ready(deployed::get), () -> checks, "run-1"),
                new MetricsApi(metrics, t, gate, () -> checks, () -> server == null ? null : server.server),
                new ApiHandler(catalogue, FakeDeployer.ready(deployed::get))), metrics)), TrustedProxies.parse(""), 1000);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessWaitsForTheStoreCheckAndTheDeployerAndFailsWhileTheStoreDoes() throws Exception {
        deployed.set(true);
        assertEquals(503, get("/health/ready").statusCode(), "no store check registered yet: the store is not open");
        checks.add(check("store", true, store::get));
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());
        store.set(HealthResult.critical("the database file data/khidmat.db is gone"));
        HttpResponse<String> down = get("/health/ready");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
        assertEquals("1", down.headers().firstValue("Retry-After").orElse(null));
        HttpResponse<String> health = get("/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"store\":{\"status\":\"CRITICAL\",\"readiness\":true,\"message\":\"the database file"),
                health.body());
        store.set(HealthResult.ok("answers"));
        assertEquals(200, get("/health/ready").statusCode());
    }

    @Test
    void healthKeepsItsContractAndAddsEachCheck() throws Exception {
        checks.add(check("store", true, store::get));
        HttpResponse<String> starting = get("/health");
        assertEquals(503, starting.statusCode());
        assertTrue(starting.body().startsWith("{\"status\":\"STARTING\""), starting.body());
        deployed.set(true);
        HttpResponse<String> up = get("/health");
        assertEquals(200, up.statusCode());
        assertTrue(up.body().startsWith("{\"status\":\"UP\",\"services\":1,\"agencies\":1,\"bundles\":0,\"instance\":\"run-1\""),
                up.body());
        assertTrue(up.body().contains("\"disk\":{\"status\":\"WARN\",\"readiness\":false,\"message\":\"900 MB free\"}"), up.body());
    }

    @Test
    void theServicesListIs503WithRetryAfterWhileTheDeployerIsStarting() throws Exception {
        HttpResponse<String> partial = get("/api/v1/services");
        assertEquals(503, partial.statusCode(), partial.body());
        assertEquals("1", partial.headers().firstValue("Retry-After").orElse(null));
        assertTrue(partial.body().contains("starting"), partial.body());
        assertEquals(503, get("/api/v1/services/nadra.cnic").statusCode());
        deployed.set(true);
        assertEquals(200, get("/api/v1/services").statusCode());
        assertEquals(404, get("/api/v1/services/nadra.unknown").statusCode());
    }

    @Test
    void whileNotReadyOnlyTheReadinessChecksRun() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        checks.add(check("store", true, store::get));
        checks.add(check("outbox", false, () -> {
            runs.incrementAndGet();
            return HealthResult.ok("0 messages wait");
        }));
        HttpResponse<String> starting = get("/health");
        assertEquals(503, starting.statusCode());
        assertEquals(0, runs.get(), "the outbox is not read while the centre starts");
        assertFalse(starting.body().contains("\"outbox\""), starting.body());
        deployed.set(true);
        assertTrue(get("/health").body().contains("\"outbox\":{\"status\":\"OK\""));
        assertEquals(1, runs.get());
    }

    @Test
    void livenessAnswersWhateverTheReadiness() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());
    }

    @Test
    void metricsAreForTheScraperTokenOnly() throws Exception {
        checks.add(check("store", true, store::get));
        deployed.set(true);
        assertEquals(401, get("/metrics").statusCode());
        assertEquals(401, get("/metrics", "Authorization", "Bearer " + token + "x").statusCode());
        assertEquals(401, get("/metrics", "Authorization", "Bearer " + token.substring(1)).statusCode());
        assertEquals(401, get("/metrics", "Authorization", "Basic " + token).statusCode());
        HttpResponse<String> ok = get("/metrics", "Authorization", "Bearer " + token);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(MetricsApi.CONTENT_TYPE, ok.headers().firstValue("Content-Type").orElse(null));
        assertTrue(ok.body().contains("khidmat_ready  = 1.0"), ok.body());
        assertTrue(ok.body().contains("khidmat_health_check_status disk = 1.0"), ok.body());
        assertTrue(ok.body().contains("khidmat_http_threads max = 200.0"), "Jetty's own figures: " + ok.body());
        assertTrue(ok.body().contains("khidmat_http_connections  = "), ok.body());
        assertFalse(ok.body().contains(token), "the scrape must not echo the token");
    }

    @Test
    void theTokenFileIsTheCentreUsersOnlyAndKeptAcrossStarts() throws Exception {
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(conf.resolve(MetricsToken.FILE))));
        assertTrue(MetricsToken.loadOrCreate(conf).matches(token));
        assertTrue(token.length() >= 40, token);
    }

    @Test
    void requestsAreCountedByRoutePatternAndStatusNeverByRawPath() throws Exception {
        deployed.set(true);
        get("/api/v1/services/nadra.cnic");
        get("/api/v1/services/nadra.nothing");
        // the count is made when the answer's callback completes, which may be just after the client has read it
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (metrics.seen.stream().filter(x -> x.startsWith("khidmat_http_request_duration_seconds")).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(metrics.seen.contains("khidmat_http_requests_total GET,/api/v1/services/{id},200"), metrics.seen.toString());
        assertTrue(metrics.seen.contains("khidmat_http_requests_total GET,/api/v1/services/{id},404"), metrics.seen.toString());
        assertTrue(metrics.seen.contains("khidmat_http_request_duration_seconds GET,/api/v1/services/{id}"), metrics.seen.toString());
        assertTrue(metrics.seen.stream().noneMatch(s -> s.contains("nadra.")), metrics.seen.toString());
    }
}
