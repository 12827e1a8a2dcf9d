package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 5: a jar of a few hundred KB that inflates to 300 MB while its headers declare 1,000 bytes. It is refused
 * within 10 s by what it really expands to, and the framework cache does not grow.
 */
class ZipBombIT {
    private static final String BSN = "org.fault.bomb";

    @TempDir
    Path temp;

    @Test
    void aJarThatLiesAboutItsSizeIsRefusedByWhatItInflatesTo() throws Exception {
        byte[] bomb = ZipBomb.build(FaultBundles.valid(BSN, "fault.bomb").bytes(), 300L << 20);
        try (FaultCentre fc = FaultCentre.start(temp)) {
            Path cache = fc.centre().home().resolve("data/felix-cache");
            long cacheBefore = size(cache);
            Poller poller = Poller.start(fc.centre(), 2);
            poller.forbid("fault.bomb");
            long t0 = System.nanoTime();
            HttpResponse<String> r = fc.admin().upload(bomb, Duration.ofSeconds(30));
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;
            poller.close();
            long grew = size(cache) - cacheBefore;
            System.out.printf("zip bomb of %d bytes: %d after %d ms, felix-cache grew %d bytes: %s%n", bomb.length,
                    r.statusCode(), tookMillis, grew, r.body());
            String message = FaultCentre.verdict(r).path("message").asText();
            assertAll("a zip bomb",
                    () -> assertEquals(422, r.statusCode(), r.body()),
                    () -> assertTrue(tookMillis < 10_000, "answered after " + tookMillis + " ms"),
                    () -> assertTrue(message.contains("expands to more than"), message),
                    () -> assertTrue(grew < (5L << 20), "felix-cache grew by " + grew + " bytes"));
            assertFalse(fc.listed("fault.bomb"));
            poller.assertClean();
            fc.assertNothingLeftOf(BSN);
            fc.assertCleanRestart();
        }
    }

    private static long size(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
