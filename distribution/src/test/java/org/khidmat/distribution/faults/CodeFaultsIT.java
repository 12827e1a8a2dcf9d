package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults 6 and 7: agency code that fails after its bundle started (a DS component throwing in activate), and agency
 * code that leaves a thread running after it was stopped.
 */
class CodeFaultsIT {
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
    void aComponentThatThrowsInActivateIsRefusedNamingIt() throws Exception {
        poller.forbid("fault.boom");
        HttpResponse<String> r = fc.admin().upload(FaultBundles.boom("org.fault.boom", "fault.boom"));
        System.out.println("component boom: " + r.statusCode() + " " + r.body());
        Thread.sleep(500);
        System.out.println("component boom, the centre's log says: " + logLines("boom") + "; its output: "
                + fc.centre().output().stream().filter(l -> l.contains("boom")).toList());
        String message = FaultCentre.verdict(r).path("message").asText();
        assertAll("a component failing in activate",
                () -> assertEquals(422, r.statusCode(), r.body()),
                () -> assertTrue(message.contains(BoomComponent.NAME), message),
                () -> assertTrue(message.contains("boom") || message.contains("failed to activate"), message));
        Thread.sleep(500); // a component is activated asynchronously: give a late listing the chance to show
        assertFalse(fc.listed("fault.boom"));
        poller.close();
        poller.assertClean();
        fc.assertNothingLeftOf("org.fault.boom");
        fc.assertCleanRestart();
        assertFalse(fc.listed("fault.boom"));
    }

    @Test
    void aThreadLeftBehindIsNamedWhenTheBundleIsWithdrawn() throws Exception {
        HttpResponse<String> r = fc.admin().upload(FaultBundles.leaky("org.fault.leaky", "fault.leaky"));
        assertEquals(200, r.statusCode(), "a bundle that starts a thread deploys: " + r.body());
        assertTrue(fc.listed("fault.leaky"));
        HttpResponse<String> w = fc.admin().withdraw("org.fault.leaky");
        System.out.println("leaky thread, withdraw: " + w.statusCode() + " " + w.body());
        String message = FaultCentre.verdict(w).path("message").asText();
        List<String> warnings = logLines(LeakyThreadActivator.THREAD);
        assertAll("withdrawing a bundle that leaves a thread behind",
                () -> assertEquals(200, w.statusCode(), w.body()),
                () -> assertTrue(message.contains(LeakyThreadActivator.THREAD), message),
                () -> assertTrue(message.contains("thread"), message),
                () -> assertTrue(warnings.stream().anyMatch(l -> l.contains("WARN")),
                        "a WARN line in logs/ names " + LeakyThreadActivator.THREAD + ": " + warnings));
        assertFalse(fc.listed("fault.leaky"));
        poller.close();
        poller.assertClean();
        fc.assertNothingLeftOf("org.fault.leaky");
        fc.assertCleanRestart();
    }

    private List<String> logLines(String containing) throws IOException {
        Path logs = fc.centre().home().resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).flatMap(p -> {
                try {
                    return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(l -> l.contains(containing)).toList();
        }
    }
}
