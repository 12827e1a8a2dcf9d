package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 1: an activator whose start() never ends and ignores interrupts. The upload is refused within the start
 * limit plus 5 s and the bundle quarantined; the site keeps answering throughout, also under 30 more uploads of the
 * same jar; a valid bundle deploys right after; and after a restart the hanging bundle is still not serving.
 */
class HangingStartIT {
    private static final String BSN = "org.fault.hang";
    private static final String SERVICE = "fault.hang";

    @TempDir
    Path temp;

    @Test
    void aStartThatNeverEndsIsQuarantinedAndTheSiteKeepsServing() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            byte[] jar = FaultBundles.hanging(BSN, SERVICE);
            Poller poller = Poller.start(fc.centre(), 2);
            long limitMillis = (FaultCentre.START_LIMIT_SECONDS + 5) * 1000;
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = fc.admin().upload(jar, Duration.ofMillis(limitMillis + 5_000));
            } catch (UncheckedIOException e) {
                fail("the upload of a bundle whose start hangs got no verdict within " + (limitMillis + 5_000)
                        + " ms (the limit is " + limitMillis + " ms): " + e.getCause());
                return;
            }
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("hang: verdict %d after %d ms: %s%n", r.statusCode(), tookMillis, r.body());
            String message = FaultCentre.verdict(r).path("message").asText();
            assertAll("the verdict on a start that hangs",
                    () -> assertEquals(422, r.statusCode(), r.body()),
                    () -> assertTrue(tookMillis < limitMillis, "answered after " + tookMillis + " ms; limit " + limitMillis),
                    () -> assertTrue(message.contains("did not start within"), message),
                    () -> assertTrue(message.contains("quarantined"), message));
            // the same jar dropped into deploy/ is refused at once, without running it again
            long tFolder = System.nanoTime();
            java.nio.file.Files.write(fc.deploy("hang.jar"), jar);
            assertTrue(FaultCentre.await(FaultCentre.SOON, () -> fc.markerMentioning(BSN).isPresent()),
                    "a .failed marker in deploy/ names " + BSN);
            long folderMillis = (System.nanoTime() - tFolder) / 1_000_000;
            String marker = fc.markerMentioning(BSN).orElseThrow();
            assertTrue(marker.contains("did not start within") && marker.contains("quarantined"), marker);
            assertTrue(folderMillis < FaultCentre.START_LIMIT_SECONDS * 1000, "a quarantined jar is refused without being "
                    + "started again; it took " + folderMillis + " ms");

            long t1 = System.nanoTime();
            HttpResponse<String> valid;
            try {
                valid = fc.admin().upload(FaultBundles.valid("org.fault.after", "fault.after").bytes(), FaultCentre.SOON);
            } catch (UncheckedIOException e) {
                fail("a valid bundle deployed while the other hangs got no verdict within 5 s: " + e.getCause());
                return;
            }
            assertEquals(200, valid.statusCode(), valid.body());
            assertTrue(FaultCentre.await(FaultCentre.SOON.minusNanos(System.nanoTime() - t1), () -> fc.listed("fault.after")),
                    "the valid bundle is listed within 5 s");
            poller.expect("fault.after");

            List<String> answers = thirtyUploadsAtOnce(fc, jar);
            System.out.println("hang: 30 concurrent uploads answered " + answers);
            poller.close();
            System.out.println("hang: poller " + poller.summary());
            poller.assertClean();

            fc.assertCleanRestart();
            JsonNode b = fc.bundle(BSN).orElse(null);
            assertTrue(b == null || !"ACTIVE".equals(b.path("state").asText()), "after the restart: " + b);
            assertFalse(fc.listed(SERVICE), "the hanging bundle's service is not listed after the restart");
            assertTrue(fc.listed("fault.after"));
            assertTrue(fc.markerMentioning(BSN).isPresent(), "the marker stays after the restart");
            fc.assertNothingLeftOf(BSN, "quarantine");
        }
    }

    /** @return each upload's status, or what went wrong, in the order they were sent */
    private static List<String> thirtyUploadsAtOnce(FaultCentre fc, byte[] jar) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sent.add(pool.submit(() -> {
                    try {
                        return Integer.toString(fc.admin().upload(jar, Duration.ofSeconds(15)).statusCode());
                    } catch (UncheckedIOException e) {
                        return e.getCause().getClass().getSimpleName();
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : sent) {
                try {
                    out.add(f.get(30, TimeUnit.SECONDS));
                } catch (Exception e) {
                    out.add(e.toString());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
