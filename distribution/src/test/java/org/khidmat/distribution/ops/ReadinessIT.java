package org.khidmat.distribution.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * Liveness and readiness of the real distribution: not ready (503) while a start deploys many bundles, the services
 * list 503 with Retry-After meanwhile instead of a partial list; ready after; not ready while the database file is
 * gone, and ready again when it is back.
 */
class ReadinessIT {
    static final int BUNDLES = 120;
    @TempDir
    Path home;

    @Test
    void notReadyWhileAStartDeploysManyBundlesThenReady() throws Exception {
        Centre centre = Centre.install(home.resolve("centre"));
        for (int i = 0; i < BUNDLES; i++) {
            String agency = String.format("rd%03d", i);
            TestBundles.bundle("org.example.ready" + i, "1.0.0")
                    .descriptor("svc", TestBundles.descriptor(agency + ".svc", agency, "Ready " + i))
                    .writeTo(centre.deploy().resolve(agency + ".jar"));
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                centre.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            while (!started.isDone()) {
                try {
                    HttpResponse<String> ready = centre.get("/health/ready");
                    HttpResponse<String> list = centre.get("/api/v1/services");
                    seen.add(ready.statusCode() + " " + list.statusCode() + " " + list.headers().firstValue("Retry-After").orElse("-")
                            + " " + (ready.body().contains("\"deployer\":{\"status\":\"CRITICAL\"") ? "deploying" : ready.body()));
                } catch (RuntimeException notListening) {
                    // the port is not open yet
                }
                Thread.sleep(20);
            }
            started.get(5, TimeUnit.SECONDS);
            assertTrue(seen.contains("503 503 1 deploying"),
                    "while deploying, readiness and the services list answer 503 (list with Retry-After): "
                    + new java.util.LinkedHashSet<>(seen));
            assertEquals(200, centre.get("/health/ready").statusCode());
            assertEquals(200, centre.get("/health/live").statusCode());
            HttpResponse<String> list = centre.get("/api/v1/services");
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("\"rd119.svc\""));
            assertTrue(seen.stream().noneMatch(s -> s.startsWith("503 200")), "the list was served partial before ready: "
                    + new java.util.LinkedHashSet<>(seen));
        } finally {
            centre.stop();
        }
    }

    @Test
    void notReadyWhileTheDatabaseFileIsGoneAndLiveThroughout() throws Exception {
        try (Centre centre = Centre.install(home.resolve("centre")).start()) {
            assertEquals(200, centre.get("/health/ready").statusCode());
            HttpResponse<String> health = centre.get("/health");
            assertEquals(200, health.statusCode());
            for (String check : List.of("store", "deployer", "outbox", "disk", "queue")) {
                assertTrue(health.body().contains("\"" + check + "\":{\"status\":"), check + " in " + health.body());
            }
            Path db = centre.home().resolve("data").resolve("khidmat.db");
            Path aside = db.resolveSibling("moved-away.db");
            Files.move(db, aside);
            try {
                HttpResponse<String> down = centre.get("/health/ready");
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
                assertTrue(down.body().contains("data/khidmat.db is gone"), down.body());
                assertTrue(!down.body().contains(centre.home().toString()), "no path of the machine in a public answer");
                assertEquals(503, centre.get("/health").statusCode());
                assertEquals(200, centre.get("/health/live").statusCode(), "alive: a restart would not help");
                assertEquals(0.0, Scrape.of(centre).value("khidmat_ready"));
                assertEquals(2.0, Scrape.of(centre).value("khidmat_health_check_status{check=\"store\"}"));
            } finally {
                Files.move(aside, db);
            }
            assertTrue(Centre.await(Duration.ofSeconds(5), () -> centre.get("/health/ready").statusCode() == 200));
        }
    }
}
