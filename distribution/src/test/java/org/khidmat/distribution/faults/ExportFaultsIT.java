package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults 2 and 3: a bundle that exports a package the platform owns, and a bundle that exports a package another
 * deployed bundle already exports at another version. Each is refused with words that name the package and who
 * owns it; the site serves throughout; nothing of the refused jar stays; the next start is clean.
 */
class ExportFaultsIT {
    @TempDir
    Path temp;
    private FaultCentre fc;
    private Poller poller;

    @BeforeEach
    void start() throws Exception {
        fc = FaultCentre.start(temp);
        poller = Poller.start(fc.centre(), 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (poller != null) {
            poller.close();
        }
        if (fc != null) {
            fc.close();
        }
    }

    @Test
    void aBundleExportingThePlatformApiIsRefused() throws Exception {
        poller.forbid("fault.export");
        HttpResponse<String> r = fc.admin().upload(FaultBundles.exportsPlatformPackage("org.fault.export", "fault.export"));
        System.out.println("export platform package: " + r.statusCode() + " " + r.body());
        String message = FaultCentre.verdict(r).path("message").asText();
        assertAll("the verdict on exporting org.khidmat.api",
                () -> assertEquals(422, r.statusCode(), r.body()),
                () -> assertTrue(message.contains("org.khidmat.api"), message),
                () -> assertTrue(message.contains("centre") || message.contains("platform"), message));

        HttpResponse<String> valid = fc.admin().upload(FaultBundles.valid("org.fault.next", "fault.next").bytes());
        assertEquals(200, valid.statusCode(), valid.body());
        assertTrue(fc.listed("fault.next"));
        assertFalse(fc.listed("fault.export"));
        poller.close();
        poller.assertClean();
        fc.assertNothingLeftOf("org.fault.export");
        fc.assertCleanRestart();
        assertFalse(fc.listed("fault.export"));
    }

    @Test
    void aSecondExporterOfALibraryPackageIsRefusedNamingTheFirst() throws Exception {
        HttpResponse<String> a = fc.admin().upload(FaultBundles.library("org.fault.libA", "1.0.0", "org.example.shared", "1.0.0"));
        assertEquals(200, a.statusCode(), "library A deploys: " + a.body());
        HttpResponse<String> b = fc.admin().upload(FaultBundles.library("org.fault.libB", "1.0.0", "org.example.shared", "2.0.0"));
        System.out.println("conflicting export: " + b.statusCode() + " " + b.body());
        String message = FaultCentre.verdict(b).path("message").asText();
        assertAll("the verdict on a second exporter",
                () -> assertEquals(422, b.statusCode(), b.body()),
                () -> assertTrue(message.contains("org.example.shared"), message),
                () -> assertTrue(message.contains("org.fault.libA"), message));
        assertTrue(fc.bundle("org.fault.libA").isPresent(), "A stays deployed");
        assertFalse(fc.bundle("org.fault.libB").isPresent(), "B is not deployed");
        poller.close();
        poller.assertClean();
        fc.assertNothingLeftOf("org.fault.libB");
        fc.assertCleanRestart();
        assertFalse(fc.bundle("org.fault.libB").isPresent(), "B is not deployed after the restart");
    }
}
