package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the deployer committed into the bundle set, in the step that archives it, so every node takes it; and
 * each outcome of this node. A change the set holds already (this node reconciling to it) is not written again.
 */
final class SetRecord {
    private static final Logger LOG = LoggerFactory.getLogger(SetRecord.class);
    private final BundleSet set;
    private final String node;

    SetRecord(BundleSet set, String node) {
        this.set = set;
        this.node = node;
    }

    String node() {
        return node;
    }

    /** A bundle committed (deployed, updated, rolled back, adopted at a first start): the set holds it from now. */
    void committed(Installed i, boolean approved) {
        Candidate c = i.candidate();
        try {
            if (!held(c.symbolicName()).map(w -> w.sha256().equals(c.sha256())).orElse(false)) {
                WantedBundle w = WantedBundle.of(c.symbolicName(), c.version().toString(), c.sha256(),
                        c.agency(), i.by(), i.at(), approved ? "approved" : "not needed", 0);
                long change = set.put(w, Files.readAllBytes(i.archived()));
                LOG.info("bundle set change {}: {} from node {}", change, c.label(), node);
            }
            outcome(c.symbolicName(), c.version().toString(), BundleOutcome.State.ACTIVE, null);
        } catch (IOException | RuntimeException e) {
            LOG.error("{} is deployed on node {} but could not be written to the bundle set, so other nodes do not"
                    + " get it: {}; deploy it again once the database answers", c.label(), node, e.toString());
        }
    }

    /** A bundle withdrawn on this node: the set no longer holds it. */
    void withdrawn(String symbolicName) {
        try {
            if (held(symbolicName).isPresent()) {
                LOG.info("bundle set change {}: {} withdrawn from node {}", set.remove(symbolicName), symbolicName, node);
            }
        } catch (RuntimeException e) {
            LOG.error("{} is withdrawn on node {} but not from the bundle set: {}; withdraw it again once the"
                    + " database answers", symbolicName, node, e.toString());
        }
    }

    /**
     * The outcome of a bundle of the set that this node tried to deploy: the node that wrote it had deployed it, so
     * a refusal here is this node's own failure (a native library it lacks, a start that overran).
     */
    void outcome(WantedBundle w, DeployResult r) {
        outcome(w.symbolicName(), w.version(), r.ok() ? BundleOutcome.State.ACTIVE : BundleOutcome.State.FAILED,
                r.ok() ? null : r.message());
    }

    void outcome(String symbolicName, String version, BundleOutcome.State state, String message) {
        try {
            set.report(BundleOutcome.of(node, symbolicName, version, state, message, Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("could not record the outcome of {} on node {}: {}", symbolicName, node, e.toString());
        }
    }

    private Optional<WantedBundle> held(String symbolicName) {
        return set.wanted().stream().filter(w -> w.symbolicName().equals(symbolicName)).findFirst();
    }
}
