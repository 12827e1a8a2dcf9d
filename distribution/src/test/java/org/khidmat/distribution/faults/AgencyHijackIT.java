package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.TestBundles;

/**
 * Fault 9: an agency code belongs to the bundle that serves it. A bundle of another name declaring a service of
 * agency nadra is refused naming the agency and its owner; a jar that takes the nadra plugin's own name to serve
 * another agency is refused too. The sample nadra services serve throughout.
 */
class AgencyHijackIT {
    private static final String NADRA = "org.khidmat.plugins.nadra";

    @TempDir
    Path temp;

    @Test
    void anotherBundleCannotServeAnExistingAgency() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            Poller poller = Poller.start(fc.centre(), 2);
            poller.forbid("nadra.hijack");
            Files.write(fc.deploy("hijack.jar"), FaultBundles.valid("org.fault.hijack", "1.0.0", "nadra.hijack", "nadra").bytes());
            boolean marked = FaultCentre.await(Duration.ofSeconds(15), () -> Files.exists(fc.deploy("hijack.jar.failed")));
            Thread.sleep(300);
            poller.close();
            String marker = marked ? Files.readString(fc.deploy("hijack.jar.failed")) : "(no marker)";
            System.out.println("agency hijack by another name: " + marker);
            assertAll("a bundle declaring another bundle's agency",
                    () -> assertTrue(marked, "hijack.jar is refused with a marker"),
                    () -> assertTrue(marker.contains("nadra") && marker.contains(NADRA), marker),
                    () -> assertFalse(fc.listed("nadra.hijack")));
            poller.assertClean();
            fc.assertNothingLeftOf("org.fault.hijack");
            fc.assertCleanRestart();
        }
    }

    @Test
    void theAgencysOwnBundleNameCannotServeAnotherAgency() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            JsonNode nadra = fc.bundle(NADRA).orElseThrow();
            String version = nadra.get("version").asText();
            String[] v = version.split("\\.");
            String higher = (Integer.parseInt(v[0]) + 1) + ".0.0";
            Poller poller = Poller.start(fc.centre(), 2);
            poller.forbid("rival.takeover");
            Files.write(fc.deploy("takeover.jar"), TestBundles.bundle(NADRA, higher)
                    .descriptor("takeover", TestBundles.descriptor("rival.takeover", "rival", "Taken over")).bytes());
            boolean marked = FaultCentre.await(Duration.ofSeconds(15), () -> Files.exists(fc.deploy("takeover.jar.failed")));
            Thread.sleep(300);
            poller.close();
            String marker = marked ? Files.readString(fc.deploy("takeover.jar.failed")) : "(no marker)";
            System.out.println("nadra's name for agency rival: " + marker);
            Optional<JsonNode> after = fc.bundle(NADRA);
            assertAll("the nadra plugin's name with another agency's services",
                    () -> assertTrue(marked, "takeover.jar is refused with a marker"),
                    () -> assertTrue(marker.contains(NADRA), marker),
                    () -> assertEquals(version, after.map(b -> b.get("version").asText()).orElse("(gone)"),
                            "the nadra plugin keeps serving at its version"));
            poller.assertClean();
            fc.assertNothingLeftOf(NADRA + "/" + higher);
            fc.assertCleanRestart();
        }
    }
}
