package org.khidmat.core.internal.deploy;

import java.time.Instant;
import java.util.Optional;
import org.khidmat.api.store.BundleQuarantine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jars whose code misbehaved when it ran, by SHA-256, kept in the database ({@link BundleQuarantine}): every node
 * refuses them at once, on any path and after a restart, without running them again, whichever node saw them
 * misbehave. A new build of the bundle (other bytes) is judged afresh. When the list cannot be read the jar is refused
 * (its code might be one that misbehaved), saying to try again.
 */
final class Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final BundleQuarantine store;

    Quarantine(BundleQuarantine store) {
        this.store = store;
    }

    /** @return why the jar with this digest was quarantined, if it was */
    Optional<String> reason(String sha256) {
        try {
            return store.reason(sha256);
        } catch (RuntimeException e) {
            LOG.warn("cannot read whether jar {} is quarantined: {}", sha256, e.getMessage());
            return Optional.of("whether it misbehaved before cannot be read from the database (" + e.getMessage()
                    + "); deploy it again once the database answers");
        }
    }

    void add(String sha256, String label, String reason) {
        Instant now = Instant.now();
        try {
            store.add(sha256, now + " " + label + ": " + reason, now);
        } catch (RuntimeException e) {
            LOG.error("{} misbehaved but could not be quarantined in the database: {}; it may be tried again",
                    label, e.getMessage());
        }
    }
}
