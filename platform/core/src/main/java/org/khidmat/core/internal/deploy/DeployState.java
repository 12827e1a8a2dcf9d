package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** The lines as last read or written; a save that would write the same lines leaves the file alone. */
    private Map<String, String> onDisk = Map.of();

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
        Map<String, String> lines = new TreeMap<>();
        for (String bsn : p.stringPropertyNames()) {
            lines.put(bsn, p.getProperty(bsn));
            String[] f = p.getProperty(bsn).split("\\|", -1);
            // the file is read back at start: a tampered line must not name a path outside data/deployer or deploy/
            if (f.length != 4 || !ManifestSyntax.isSymbolicName(bsn) || !SafePaths.isPlainName(f[0])) {
                LOG.warn("{}: ignoring a line that is not the deployer's own ({})", file.getFileName(),
                        ManifestSyntax.printable(bsn));
                continue;
            }
            try {
                String source = SafePaths.isPlainName(f[1]) ? f[1] : null;
                out.put(bsn, new Entry(f[0], source, ManifestSyntax.printable(f[2]), Instant.ofEpochMilli(Long.parseLong(f[3]))));
            } catch (NumberFormatException e) {
                LOG.debug("skipping malformed line for {}", bsn);
            }
        }
        onDisk = lines;
        return out;
    }

    void save(Map<String, Installed> installed) {
        Map<String, String> lines = new TreeMap<>();
        installed.forEach((bsn, i) -> lines.put(bsn, i.archived().getFileName() + "|"
                + (i.sourceFile() == null ? "" : i.sourceFile()) + "|" + i.by() + "|" + i.at().toEpochMilli()));
        if (lines.equals(onDisk) && Files.isRegularFile(file)) {
            return;
        }
        try {
            StateFiles.write(file, lines, "bundles the deployer committed");
            onDisk = lines;
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}; the next start deploys every jar afresh", file, e.getMessage());
        }
    }
}
