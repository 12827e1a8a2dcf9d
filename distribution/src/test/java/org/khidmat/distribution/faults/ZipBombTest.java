package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's zip bomb is what ZipBombIT needs: a small valid bundle that declares 1,000 bytes and inflates to far more. */
class ZipBombTest {
    @TempDir
    Path temp;

    @Test
    void declaresATinySizeButInflatesToTheGivenBytes() throws Exception {
        long inflated = 64L << 20;
        Path jar = Files.write(temp.resolve("bomb.jar"), ZipBomb.build(FaultBundles.valid("org.fault.bomb", "fault.bomb").bytes(), inflated));
        assertTrue(Files.size(jar) < 1 << 20, "the jar is small: " + Files.size(jar));
        try (JarFile zip = new JarFile(jar.toFile())) {
            assertEquals("org.fault.bomb", zip.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            assertTrue(zip.getEntry("services/bomb.json") != null, "the descriptor is there");
            ZipEntry bomb = zip.getEntry(ZipBomb.ENTRY);
            assertEquals(ZipBomb.DECLARED, bomb.getSize(), "the central directory declares");
            long read = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = zip.getInputStream(bomb)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    read += n;
                }
            } catch (ZipException e) {
                // a reader may notice the lie at the end; what it inflated until then counts
            }
            assertEquals(inflated, read, "what the entry really inflates to");
        }
    }
}
