package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 4: an activator that returns normally, but one second after the start limit. The bundle is refused, and at
 * no moment does its service show in the catalogue or take an application.
 */
class LateStartIT {
    private static final String BSN = "org.fault.late";
    private static final String SERVICE = "fault.late";

    @TempDir
    Path temp;

    @Test
    void aStartThatEndsAfterTheLimitIsRefusedAndNeverServes() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            Poller poller = Poller.start(fc.centre(), 2);
            poller.forbid(SERVICE);
            Filer filer = Filer.start(fc.centre(), 2, List.of(SERVICE), Filer::cnicOnly, 20);
            HttpResponse<String> r = fc.admin().upload(FaultBundles.late(BSN, SERVICE), Duration.ofSeconds(40));
            System.out.println("late start: " + r.statusCode() + " " + r.body());
            Thread.sleep(LateActivator.SLEEP_MILLIS / 2); // the start has ended by now either way: watch a while longer
            filer.close();
            poller.close();
            System.out.println("late start: poller " + poller.summary() + "; filer " + filer.summary());
            String message = FaultCentre.verdict(r).path("message").asText();
            assertAll("a start that ends after the limit",
                    () -> assertEquals(422, r.statusCode(), r.body()),
                    () -> assertTrue(message.contains("did not start within"), message),
                    () -> assertEquals(0, poller.forbiddenSeen(), poller.summary()),
                    () -> assertEquals(0, filer.count(201), "applications acknowledged: " + filer.summary()),
                    () -> assertTrue(filer.total() > 0, "applications were tried"),
                    () -> assertTrue(Set.of(404, 409).containsAll(filer.statuses().keySet()), filer.summary()));
            poller.assertClean();
            fc.assertNothingLeftOf(BSN, "quarantine");
            fc.assertCleanRestart();
            assertTrue(!fc.listed(SERVICE), "not listed after the restart");
        }
    }
}
