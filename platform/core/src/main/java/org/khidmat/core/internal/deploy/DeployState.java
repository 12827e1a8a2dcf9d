package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the deployer has committed, kept in {@code data/deployer/installed.properties}, so that after a
 * restart it can adopt the bundles the framework restored from its cache instead of deploying them again.
 * One line per bundle: {@code <symbolic name>=<archived jar>|<file in deploy/>|<deployed by>|<epoch ms>}.
 */
final class DeployState {
    private static final Logger LOG = LoggerFactory.getLogger(DeployState.class);

    /** One committed bundle as remembered. */
    record Entry(String archivedJar, String sourceFile, String by, Instant at) {
    }

    private final Path file;

    DeployState(Path folder) {
        this.file = folder.resolve("installed.properties");
    }

    Map<String, Entry> load() {
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.isReadable(file)) {
            return out;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}; every jar in deploy/ is deployed afresh", file, e.getMessage());
            return out;
        }
        for (String bsn : p.stringPropertyNames()) {
            String[] f = p.getProperty(bsn).split("\\|", -1);
            if (f.length == 4) {
                try {
                    out.put(bsn, new Entry(f[0], f[1].isEmpty() ? null : f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3]))));
                } catch (NumberFormatException e) {
                    LOG.debug("skipping malformed line for {}", bsn);
                }
            }
        }
        return out;
    }

    void save(Map<String, Installed> installed) {
        Properties p = new Properties();
        installed.forEach((bsn, i) -> p.setProperty(bsn, i.archived().getFileName() + "|"
                + (i.sourceFile() == null ? "" : i.sourceFile()) + "|" + i.by() + "|" + i.at().toEpochMilli()));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                p.store(out, "bundles the deployer committed; written by the centre, do not edit");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}; the next start deploys every jar afresh", file, e.getMessage());
        }
    }
}
