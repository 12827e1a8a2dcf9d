package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;

import java.nio.file.Path;
import java.util.List;
import org.khidmat.api.platform.DeployResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The verdict on a refused jar: written to the audit log under the symbolic name it claimed, made safe. */
final class Refused {
    private static final Logger LOG = LoggerFactory.getLogger(Refused.class);

    private Refused() {
    }

    /**
     * @param c the checked jar, or {@code null} when it did not get that far
     * @param copy the jar as received, read for the name it claims when {@code c} is {@code null}
     */
    static DeployResult verdict(DeployerParts parts, Candidate c, Path copy, String reason, String actor, long t0) {
        String claimed = c != null ? c.symbolicName() : copy == null ? null : Claimed.symbolicName(copy);
        parts.audit().append(actor, "bundle.refuse", claimed == null ? "(unreadable jar)" : claimed, reason);
        LOG.warn("refused {}: {}", c != null ? c.label() : claimed == null ? "a jar" : claimed, reason);
        Installed current = claimed == null ? null : parts.installed().get(claimed);
        return new DeployResult(false, claimed, current == null ? null : current.candidate().version().toString(),
                current == null ? List.of() : current.candidate().serviceIds(), reason, millis(t0));
    }
}
