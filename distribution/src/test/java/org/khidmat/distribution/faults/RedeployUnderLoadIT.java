package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.TestBundles;

/**
 * An agency updates its bundle 50 times (a new Bundle-Version each time, the same three descriptor-only services at
 * unchanged descriptor versions) while citizens read the catalogue and the services' pages and file applications to
 * those services. Nobody may notice: no error, never a short catalogue, every valid application acknowledged.
 */
class RedeployUnderLoadIT {
    private static final String BSN = "org.fault.load";
    private static final List<String> SERVICES = List.of("load.birth", "load.death", "load.marriage");
    private static final int UPDATES = 50;

    @TempDir
    Path temp;

    static byte[] bundle(int update) {
        TestBundles b = TestBundles.bundle(BSN, "1.0." + update);
        for (String id : SERVICES) {
            b.descriptor(id.substring("load.".length()), TestBundles.descriptor(id, "load", "Certificate " + id));
        }
        return b.bytes();
    }

    @Test
    void fiftyUpdatesUnderReadersAndFilersGoUnnoticed() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            HttpResponse<String> first = fc.admin().upload(bundle(0));
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(fc.catalogue().containsAll(SERVICES), "the three services are listed");

            Poller readers = Poller.start(fc.centre(), 2, SERVICES);
            Filer filers = Filer.start(fc.centre(), 2, SERVICES, Filer::cnicOnly, 5);
            List<String> refused = new ArrayList<>();
            long t0 = System.nanoTime();
            long slowest = 0;
            for (int i = 1; i <= UPDATES; i++) {
                long u0 = System.nanoTime();
                HttpResponse<String> r = fc.admin().upload(bundle(i), Duration.ofSeconds(30));
                slowest = Math.max(slowest, (System.nanoTime() - u0) / 1_000_000);
                if (r.statusCode() != 200) {
                    refused.add(i + ": " + r.statusCode() + " " + r.body());
                }
            }
            long updatesMillis = (System.nanoTime() - t0) / 1_000_000;
            filers.close();
            readers.close();
            Map<Integer, Long> statuses = filers.statuses();
            System.out.printf("redeploy under load: %d updates in %d ms (slowest %d ms); readers %s; filers %s%n", UPDATES,
                    updatesMillis, slowest, readers.summary(), filers.summary());
            assertAll("50 updates under load",
                    () -> assertEquals(List.of(), refused, "every update is deployed"),
                    () -> assertEquals(0, readers.errors(), readers.summary()),
                    () -> assertEquals(0, readers.shortCatalogues(), readers.summary()),
                    () -> assertTrue(readers.requests() > 0, readers.summary()),
                    () -> assertTrue(filers.count(201) > 0, filers.summary()),
                    () -> assertEquals(Map.of(201, filers.count(201)), statuses, "every valid application is acknowledged"));
            assertEquals("1.0." + UPDATES, fc.bundle(BSN).orElseThrow().get("version").asText());
        }
    }
}
