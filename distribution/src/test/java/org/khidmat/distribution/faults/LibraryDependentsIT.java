package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 8: a library with a dependent. Withdrawing the library over HTTP is refused naming the dependent; deleting
 * the library's jar from deploy/ takes the dependent out of the catalogue with a recorded reason; putting the jar
 * back brings the dependent back without touching its own jar.
 */
class LibraryDependentsIT {
    private static final String LIB = "org.fault.lib";
    private static final String DEPENDENT = "org.fault.dependent";
    private static final String SERVICE = "fault.dependent";
    private static final String PACKAGE = "org.example.lib";

    @TempDir
    Path temp;

    @Test
    void aLibraryWithADependentIsNotWithdrawnUnderIt() throws Exception {
        try (FaultCentre fc = FaultCentre.start(temp)) {
            byte[] lib = FaultBundles.library(LIB, "1.0.0", PACKAGE, "1.0.0");
            Files.write(fc.deploy("lib.jar"), lib);
            assertTrue(FaultCentre.await(Duration.ofSeconds(20), () -> fc.bundle(LIB).isPresent()), "the library deploys");
            Files.write(fc.deploy("dependent.jar"), FaultBundles.importing(DEPENDENT, SERVICE, PACKAGE));
            assertTrue(FaultCentre.await(Duration.ofSeconds(20), () -> fc.listed(SERVICE)), "the dependent deploys");
            Poller poller = Poller.start(fc.centre(), 2);

            HttpResponse<String> r = fc.admin().withdraw(LIB);
            System.out.println("withdraw a library with a dependent: " + r.statusCode() + " " + r.body());
            String message = FaultCentre.verdict(r).path("message").asText();
            assertAll("withdrawing a library another bundle uses",
                    () -> assertEquals(409, r.statusCode(), r.body()),
                    () -> assertTrue(message.contains(DEPENDENT), message));
            assertTrue(fc.listed(SERVICE), "the dependent still serves");

            poller.allowGone(SERVICE);
            Files.delete(fc.deploy("lib.jar"));
            assertTrue(FaultCentre.await(Duration.ofSeconds(10), () -> fc.bundle(LIB).isEmpty()), "the library is withdrawn");
            assertTrue(FaultCentre.await(Duration.ofSeconds(10), () -> !fc.listed(SERVICE)), "the dependent is no longer listed");
            assertTrue(FaultCentre.await(Duration.ofSeconds(10), () -> suspended(fc) || fc.markerMentioning(DEPENDENT).isPresent()),
                    "a bundle.suspend audit entry or a marker names " + DEPENDENT + " and why");
            String dependentJar = Files.readString(fc.deploy("dependent.jar"), java.nio.charset.StandardCharsets.ISO_8859_1);

            long t0 = System.nanoTime();
            Files.write(fc.deploy("lib.jar"), lib);
            assertTrue(FaultCentre.await(FaultCentre.SOON, () -> fc.listed(SERVICE)), "the dependent is listed again within 5 s");
            System.out.printf("library back: dependent listed after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            poller.expect(SERVICE);
            assertEquals(dependentJar, Files.readString(fc.deploy("dependent.jar"), java.nio.charset.StandardCharsets.ISO_8859_1),
                    "the dependent's jar is untouched");
            Thread.sleep(300);
            poller.close();
            poller.assertClean();
            fc.assertCleanRestart();
            assertTrue(fc.listed(SERVICE));
        }
    }

    private static boolean suspended(FaultCentre fc) {
        for (JsonNode e : fc.admin().audit("bundle.suspend")) {
            if (e.path("action").asText().equals("bundle.suspend") && e.path("subject").asText().equals(DEPENDENT)
                    && (e.path("detail").asText().contains(LIB) || e.path("detail").asText().contains(PACKAGE))) {
                return true;
            }
        }
        return false;
    }
}
