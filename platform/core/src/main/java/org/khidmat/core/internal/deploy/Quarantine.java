package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jars whose code misbehaved when it ran, by SHA-256, kept in {@code data/deployer/quarantine.properties}: the
 * deployer refuses them at once, on any path and after a restart, without running them again. A new build of the
 * bundle (other bytes) is judged afresh.
 */
final class Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    Quarantine(Path folder) {
        this.file = folder.resolve("quarantine.properties");
        if (Files.isReadable(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("cannot read {}: {}", file.getFileName(), e.getMessage());
            }
            for (String sha : p.stringPropertyNames()) {
                if (SHA.matcher(sha).matches()) {
                    reasons.put(sha, p.getProperty(sha));
                }
            }
        }
    }

    /** @return why the jar with this digest was quarantined, if it was */
    Optional<String> reason(String sha256) {
        return Optional.ofNullable(reasons.get(sha256));
    }

    void add(String sha256, String label, String reason) {
        reasons.put(sha256, Instant.now() + " " + label + ": " + reason);
        save();
    }

    private synchronized void save() {
        try {
            StateFiles.write(file, reasons, "jars whose code misbehaved");
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
