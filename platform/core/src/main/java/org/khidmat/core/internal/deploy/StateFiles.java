package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/** The deployer's small state files under data/deployer: written whole beside, then moved into place at once. */
final class StateFiles {
    private StateFiles() {
    }

    /** Writes the entries as a properties file; a crash leaves the old file or the new one, never half of one. */
    static void write(Path file, Map<?, ?> entries, String what) throws IOException {
        Properties p = new Properties();
        p.putAll(entries);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            p.store(out, what + "; written by the centre, do not edit");
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
