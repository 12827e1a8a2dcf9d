package org.khidmat.core.internal.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.store.WantedBundle;

/** The deployer's steps as {@link SetReconcile} calls them, on the deployer's thread. */
final class SetSteps implements SetReconcile.Steps {
    private static final String ACTOR = "bundle-set";
    private final BundleDeployer deployer;

    SetSteps(BundleDeployer deployer) {
        this.deployer = deployer;
    }

    @Override
    public Map<String, String> running() {
        Map<String, String> out = new TreeMap<>();
        deployer.installed().forEach((bsn, i) -> out.put(bsn, i.candidate().sha256()));
        return out;
    }

    /**
     * Deploys a bundle of the set through the deployer's own path, every check included: a rollback when it is the
     * version before the running one, a withdrawal first when it is older than the running one (the set went back
     * past what this node remembers).
     */
    @Override
    public DeployResult deploy(Path jar, WantedBundle w) {
        String actor = ACTOR + " (" + w.by() + ")";
        DeployPlan.FromSet how = DeployPlan.fromSet(deployer.installed().get(w.symbolicName()), w);
        if (how == DeployPlan.FromSet.ROLLBACK) {
            return deployer.rollbackNow(w.symbolicName(), actor);
        }
        if (how == DeployPlan.FromSet.WITHDRAW_THEN_DEPLOY) {
            deployer.withdrawNow(w.symbolicName(), actor, true, Removal.SET);
        }
        return deployer.deployNow(jar, actor, null, null);
    }

    @Override
    public DeployResult withdraw(String symbolicName) {
        return deployer.withdrawNow(symbolicName, ACTOR, true, Removal.SET);
    }

    @Override
    public void seed() {
        deployer.seedSet();
    }
}
