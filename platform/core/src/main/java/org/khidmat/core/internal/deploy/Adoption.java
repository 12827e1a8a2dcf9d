package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.core.internal.catalogue.Admit;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the agency bundles the framework restored from its cache, as the deployer committed them: it starts
 * each (the cache starts none by itself), verifies it and lists it; whatever it cannot vouch for (no record, no
 * archived jar, a jar that no longer checks) is uninstalled and left to the deploy folder. What to adopt is
 * {@link AdoptionPlan}'s; this runs it, on the deployer's thread, first thing at start.
 */
final class Adoption {
    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

    private final DeployerParts parts;
    private final JarCheck jarCheck;
    private final Quarantine quarantine;
    private final Withdrawal withdrawal;
    private final Path deployDir;

    Adoption(DeployerParts parts, JarCheck jarCheck, Quarantine quarantine, Withdrawal withdrawal, Path deployDir) {
        this.parts = parts;
        this.deployDir = deployDir;
        this.jarCheck = jarCheck;
        this.quarantine = quarantine;
        this.withdrawal = withdrawal;
    }

    void run() {
        Map<String, DeployState.Entry> remembered = parts.state().load();
        long t0 = System.nanoTime();
        ArchivedJars.Checked checked = ArchivedJars.check(remembered, parts.archiveDir(), jarCheck);
        LOG.debug("checked {} archived jars in {} ms", remembered.size(), millis(t0));
        AdoptionPlan plan = new AdoptionPlan(remembered, checked, sha -> quarantine.reason(sha).isPresent());
        awaitFrameworkStarted();
        List<Bundle> cached = new ArrayList<>(List.of(parts.context().getBundles()));
        cached.sort(Comparator.comparing(Bundle::getLocation, plan.order()));
        // resolved in one pass of the resolver rather than one pass a bundle as each starts
        parts.steps().resolveAll(cached.stream()
                .filter(b -> plan.resolveFirst(b.getLocation(), b.getState() == Bundle.INSTALLED)).toList());
        List<Admit> batch = new ArrayList<>();
        for (Bundle b : cached) {
            if (Locations.isAgency(b.getLocation()) && adopted(plan, b)) {
                batch.add(new Admit(b, null, plan.candidate(Locations.symbolicNameOf(b.getLocation())).descriptors()));
            }
        }
        parts.catalogue().adopt(batch); // the catalogue and its prepared answers change once for all of them
        LOG.debug("adopted {} bundles from the framework cache in {} ms", batch.size(), millis(t0));
        if (parts.folder().watching()) {
            for (String bsn : DeployPlan.goneWhileDown(List.copyOf(parts.installed().values()),
                    file -> Files.isRegularFile(deployDir.resolve(file)))) {
                withdrawal.withdraw(bsn, "deploy-folder", false, Removal.FILE_GONE); // its file left while down
            }
        }
        parts.save();
    }

    private boolean adopted(AdoptionPlan plan, Bundle b) {
        String bsn = Locations.symbolicNameOf(b.getLocation());
        try {
            Optional<String> refusal = plan.refusal(b.getLocation(), b.getVersion(), parts.installed().containsKey(bsn));
            if (refusal.isPresent()) {
                throw new Refusal(refusal.get());
            }
            Candidate c = plan.candidate(bsn);
            if (b.getState() != Bundle.ACTIVE) {
                parts.steps().startAndVerify(b, c);
            }
            DeployState.Entry e = plan.entry(bsn);
            parts.installed().put(bsn, new Installed(b.getBundleId(), c, parts.archiveDir().resolve(bsn).resolve(e.archivedJar()),
                    e.sourceFile(), e.by(), e.at(), null));
            LOG.debug("adopted {} from the framework cache", c.label());
            return true;
        } catch (Refusal r) {
            LOG.info("{} from the framework cache is deployed afresh: {}", bsn, r.getMessage());
            parts.steps().remove(b);
            return false;
        }
    }

    /**
     * While the framework is still starting, it starts the bundles of its cache itself, and a start asked for
     * now would only be noted for later: so the deployer begins once the framework is up.
     */
    private void awaitFrameworkStarted() {
        Bundle framework = parts.context().getBundle(0);
        long deadline = System.nanoTime() + Limits.DEFAULT.startTimeout().toNanos() * 6;
        while (framework.getState() != Bundle.ACTIVE && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
