package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 10: a jar copied slowly into deploy/ (half, a 2.5 s pause, the rest), as over a slow network share. It is
 * deployed once complete, and never refused on the way.
 */
class SlowCopyIT {
    private static final String BSN = "org.fault.slow";

    @TempDir
    Path temp;

    @Test
    void aJarWrittenInTwoHalvesIsDeployedAndNeverRefused() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            byte[] jar = FaultBundles.valid(BSN, "fault.slow").entry("padding.bin", new byte[300_000]).bytes();
            Poller poller = Poller.start(fc.centre(), 2);
            Path file = fc.deploy("x.jar");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(jar, 0, jar.length / 2);
                out.flush();
                Thread.sleep(2_500);
                out.write(jar, jar.length / 2, jar.length - jar.length / 2);
            }
            assertTrue(FaultCentre.await(Duration.ofSeconds(15), () -> fc.listed("fault.slow")), "deployed once complete");
            poller.expect("fault.slow");
            Thread.sleep(300);
            poller.close();
            List<String> refusals = new ArrayList<>();
            for (JsonNode e : fc.admin().audit("bundle.refuse")) {
                if (e.path("action").asText().equals("bundle.refuse")) {
                    refusals.add(e.path("subject").asText() + ": " + e.path("detail").asText());
                }
            }
            System.out.println("slow copy: refusals " + refusals + "; marker " + Files.exists(fc.deploy("x.jar.failed")));
            assertFalse(Files.exists(fc.deploy("x.jar.failed")), "no .failed marker");
            assertEquals(List.of(), refusals, "no bundle.refuse audit entry");
            poller.assertClean();
            fc.assertCleanRestart();
            assertTrue(fc.listed("fault.slow"));
        }
    }
}
