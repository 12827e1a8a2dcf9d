package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;
import static org.khidmat.core.internal.deploy.Words.result;
import static org.khidmat.core.internal.deploy.Words.threads;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.core.internal.catalogue.Admit;
import org.khidmat.core.internal.words.CoreWords;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a checked and archived jar into service: installed beside the version serving (or alone), started and
 * verified, then committed and listed in one step; the old version is retired once requests in flight drained. A
 * failure leaves the old one serving, untouched. A rollback is the same switch back to the version before.
 */
final class Switchover implements AutoCloseable {
    /** How long an old version keeps its services after its successor took over, for requests in flight. */
    private static final long DRAIN_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Switchover.class);

    private final DeployerParts parts;
    private final AgencyClaims claims;
    private final Executor deployerThread;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "khidmat-deployer-drain");
        t.setDaemon(true);
        return t;
    });

    Switchover(DeployerParts parts, AgencyClaims claims, Executor deployerThread) {
        this.parts = parts;
        this.claims = claims;
        this.deployerThread = deployerThread;
    }

    DeployResult installNew(Installed next, long t0) throws Refusal {
        Candidate c = next.candidate();
        Bundle bundle = parts.steps().install(Locations.of(c, next.archived()), next);
        try {
            parts.steps().startAndVerify(bundle, c);
        } catch (Refusal r) {
            removeAfter(bundle, r);
            throw r;
        }
        commit(next, null, bundle);
        parts.audit().append(next.by(), "bundle.deploy", c.symbolicName(), c.version() + " sha256=" + c.sha256()
                + " services=" + c.serviceIds());
        LOG.info("deployed {} serving {} in {} ms", c.label(), c.serviceIds(), millis(t0));
        return result(true, c, "deployed " + c.label() + " serving " + c.serviceIds(), t0);
    }

    /**
     * Installs the new version beside the serving one, starts and verifies it, switches the catalogue to it in
     * one step, and retires the old one once requests in flight drained. A singleton bundle cannot stand beside
     * itself: it is updated in place.
     */
    DeployResult replace(Installed current, Installed next, long t0, String verb) throws Refusal {
        Candidate c = next.candidate();
        Bundle old = parts.context().getBundle(current.bundleId());
        if (old == null || InPlace.needed(old, next.archived())) {
            return InPlace.update(this, parts.steps(), old, current, next, t0, verb);
        }
        long threadsBefore = Leaks.lastThreadId();
        Bundle bundle = parts.steps().install(Locations.of(c, next.archived()), next);
        try {
            parts.steps().startAndVerify(bundle, c);
        } catch (Refusal r) {
            removeAfter(bundle, r);
            String kept = CoreWords.REFUSALS.en("refusal.kept.throughout", current.candidate().label());
            throw r instanceof Misbehaved ? new Misbehaved(r.getMessage() + kept, r) : new Refusal(r.getMessage() + kept, r);
        }
        commit(next, current, bundle);
        later.schedule(() -> deployerThread.execute(() -> retire(old, current, threadsBefore)), DRAIN_MS, TimeUnit.MILLISECONDS);
        return committedReplace(current, next, t0, verb);
    }

    /** Replaces the deployed version with the one deployed before it. */
    DeployResult rollback(String symbolicName, String actor) {
        long t0 = System.nanoTime();
        DeployPlan.Rollback plan = DeployPlan.rollback(parts.installed(), symbolicName, actor, Instant.now());
        if (plan instanceof DeployPlan.Rollback.NothingBefore none) {
            Candidate c = none.current().candidate();
            return new DeployResult(false, symbolicName, c.version().toString(), c.serviceIds(), "bundle " + c.label()
                    + " has no earlier version to roll back to", millis(t0));
        }
        if (!(plan instanceof DeployPlan.Rollback.To to)) {
            return Words.notDeployed(symbolicName, t0);
        }
        try {
            return replace(to.current(), to.next(), t0, "rollback");
        } catch (Refusal r) {
            return Refused.verdict(parts, to.next().candidate(), null, r.getMessage(), actor, t0);
        }
    }

    private void removeAfter(Bundle bundle, Refusal why) {
        if (why instanceof Misbehaved) {
            parts.steps().removeLater(bundle);
        } else {
            parts.steps().remove(bundle);
        }
    }

    DeployResult committedReplace(Installed current, Installed next, long t0, String verb) {
        Candidate c = next.candidate();
        parts.audit().append(next.by(), "bundle." + verb, c.symbolicName(), current.candidate().version() + " -> "
                + c.version() + " sha256=" + c.sha256() + " services=" + c.serviceIds());
        LOG.info("{}: {} -> {} in {} ms", verb, current.candidate().label(), c.version(), millis(t0));
        return result(true, c, ("rollback".equals(verb) ? "rolled back " : "updated ") + current.candidate().label()
                + " to " + c.version() + " serving " + c.serviceIds(), t0);
    }

    /** Removes a version its successor replaced, and says so when it left threads running. */
    private void retire(Bundle old, Installed was, long threadsBefore) {
        Installed now = parts.installed().get(was.candidate().symbolicName());
        if (now != null && now.bundleId() == old.getBundleId()) {
            return; // a rollback within the drain time went back to this very bundle: it serves again
        }
        parts.catalogue().dismiss(old);
        parts.steps().remove(old);
        List<String> left = Leaks.running(Leaks.classNames(was.archived()), threadsBefore);
        if (!left.isEmpty()) {
            LOG.warn("{} left {} running after it was replaced: {}", was.candidate().label(), threads(left.size()), left);
            parts.audit().append("system", "bundle.leak", was.candidate().symbolicName(), was.candidate().version()
                    + " left " + threads(left.size()) + " running: " + left);
        }
    }

    void commit(Installed next, Installed replaced, Bundle bundle) {
        String file = parts.folder().stand(next, replaced);
        parts.installed().put(next.candidate().symbolicName(), new Installed(bundle.getBundleId(), next.candidate(),
                next.archived(), file, next.by(), next.at(), next.previous()));
        claims.claim(next.candidate());
        parts.catalogue().admitAll(List.of(new Admit(bundle, replaced == null || replaced.bundleId() == bundle.getBundleId()
                ? null : parts.context().getBundle(replaced.bundleId()), next.candidate().descriptors())));
        parts.save();
        // after this node lists it, so the database write does not delay it here: every other node takes it from the set
        parts.record().committed(parts.installed().get(next.candidate().symbolicName()),
                parts.approvals().isApproved(next.candidate().sha256()));
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
