package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;
import static org.khidmat.core.internal.deploy.Words.threads;

import java.util.List;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployResult.Status;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws a deployed bundle: it leaves the catalogue (its applications stay trackable), is stopped and
 * uninstalled, its archive pruned and, unless the set asked, the set told. What happens to the bundles importing
 * it is {@link DeployPlan#withdrawal}'s to say: a refusal, withdrawn first, or suspended after.
 */
final class Withdrawal {
    private static final Logger LOG = LoggerFactory.getLogger(Withdrawal.class);

    private final DeployerParts parts;
    private final Suspensions suspensions;

    Withdrawal(DeployerParts parts, Suspensions suspensions) {
        this.parts = parts;
        this.suspensions = suspensions;
    }

    /** @param removeFile whether the file in deploy/ that stands for it is deleted too */
    DeployResult withdraw(String symbolicName, String actor, boolean removeFile, Removal how) {
        return parts.meter().deployer("withdraw", () -> judged(symbolicName, actor, removeFile, how));
    }

    private DeployResult judged(String symbolicName, String actor, boolean removeFile, Removal how) {
        long t0 = System.nanoTime();
        Installed found = parts.installed().get(symbolicName);
        Bundle bundle = found == null ? null : parts.context().getBundle(found.bundleId());
        DeployPlan.Withdraw plan = DeployPlan.withdrawal(parts.installed(), symbolicName,
                found == null ? List.of() : Dependents.of(bundle, parts.installed()), how);
        if (plan instanceof DeployPlan.Withdraw.Conflict conflict) {
            Candidate c = conflict.current().candidate();
            return new DeployResult(false, symbolicName, c.version().toString(), c.serviceIds(), "bundle " + c.label()
                    + " is imported by " + String.join(", ", conflict.dependents()) + ", which would stop serving;"
                    + " withdraw them first, or withdraw " + symbolicName + " with its dependents", millis(t0),
                    Status.CONFLICT);
        }
        if (!(plan instanceof DeployPlan.Withdraw.Go go)) {
            return Words.notDeployed(symbolicName, t0);
        }
        for (String d : go.first()) {
            withdraw(d, actor, true, Removal.WITH_DEPENDENTS);
        }
        Installed current = go.current();
        parts.installed().remove(symbolicName);
        suspensions.forget(symbolicName);
        List<String> left = List.of();
        if (bundle != null) {
            parts.catalogue().dismiss(bundle);
            parts.steps().remove(bundle);
            left = Leaks.running(Leaks.classNames(current.archived()), Long.MAX_VALUE);
        }
        if (removeFile) {
            parts.folder().remove(current.sourceFile());
        }
        History.prune(parts.archiveDir().resolve(symbolicName), null);
        parts.save();
        if (go.recordInSet()) {
            parts.record().withdrawn(symbolicName);
        }
        String leak = left.isEmpty() ? "" : "; it left " + threads(left.size()) + " running: " + String.join(", ", left);
        parts.audit().append(actor, "bundle.withdraw", symbolicName, current.candidate().version() + " services="
                + current.candidate().serviceIds() + leak);
        if (!left.isEmpty()) {
            LOG.warn("{} was withdrawn but left {} running: {}", current.candidate().label(), threads(left.size()), left);
        }
        LOG.info("withdrew {} in {} ms", current.candidate().label(), millis(t0));
        suspensions.suspend(go.suspend(), current);
        return new DeployResult(true, symbolicName, null, List.of(), "withdrew " + current.candidate().label()
                + "; its applications stay trackable" + leak, millis(t0));
    }
}
