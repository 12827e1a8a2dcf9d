package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node's framework to the bundle set: at start (before the node says ready) and whenever the set's
 * change number moved. Runs on the deployer's thread. A bundle of the set goes through the deployer's own path, every
 * check included, from a jar taken out of the database only when its SHA-256 is its row's; a bundle the set no longer
 * holds is withdrawn. Each result is this node's outcome in the set.
 */
final class SetReconcile {
    private static final Logger LOG = LoggerFactory.getLogger(SetReconcile.class);

    /** The deployer's side: what it runs, and its steps for a bundle of the set. */
    interface Steps {
        /** @return the SHA-256 of each bundle the node runs, by symbolic name */
        Map<String, String> running();

        /** Deploys (or updates to, or rolls back to) a bundle of the set from its checked jar. */
        DeployResult deploy(Path jar, WantedBundle wanted);

        /** Withdraws a bundle the set no longer holds. */
        DeployResult withdraw(String symbolicName);

        /** Writes every bundle the node runs into a set never written, once (an upgraded one-node centre). */
        void seed();
    }

    private final BundleSet set;
    private final SetJars jars;
    private final SetRecord record;
    private final Steps steps;
    /** The change number this node last reconciled to; -1 before the first. */
    private long applied = -1;

    SetReconcile(BundleSet set, SetJars jars, SetRecord record, Steps steps) {
        this.set = set;
        this.jars = jars;
        this.record = record;
        this.steps = steps;
    }

    /** The first reconcile of a start: a set never written is seeded from what this node runs. */
    void atStart() {
        try {
            if (set.change() == 0) {
                steps.seed();
            }
            reconcile();
        } catch (RuntimeException e) {
            LOG.error("node {} could not read the bundle set at start: {}; it serves what it had and catches up at"
                    + " the next change", record.node(), e.toString());
        }
    }

    /** Reconciles when the set changed since the last time. */
    void reconcile() {
        long change = set.change();
        if (change == applied) {
            return;
        }
        SetPlan plan = SetPlan.of(set.wanted(), steps.running());
        if (!plan.isEmpty()) {
            LOG.info("node {} reconciles to bundle set change {}: withdraw {}, deploy {}", record.node(), change,
                    plan.withdraw(), plan.deploy());
        }
        for (String bsn : plan.withdraw()) {
            steps.withdraw(bsn);
        }
        for (WantedBundle w : plan.deploy()) {
            deploy(w);
        }
        applied = change;
    }

    private void deploy(WantedBundle w) {
        Path jar = null;
        try {
            jar = jars.fetch(w);
            record.outcome(w, steps.deploy(jar, w));
        } catch (Refusal r) {
            LOG.warn("node {} refused {} from the bundle set: {}", record.node(), w, r.getMessage());
            record.outcome(w.symbolicName(), w.version(), BundleOutcome.State.REFUSED, r.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("node {} could not take {} from the bundle set: {}", record.node(), w, e.toString());
            record.outcome(w.symbolicName(), w.version(), BundleOutcome.State.FAILED,
                    "this node could not take it from the database: " + e.getMessage());
        } finally {
            if (jar != null) {
                try {
                    Files.deleteIfExists(jar);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", jar, e);
                }
            }
        }
    }
}
