package org.khidmat.core.internal.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.store.WantedBundle;

/** The deployer's steps as {@link SetReconcile} calls them, on the deployer's thread. */
final class SetSteps implements SetReconcile.Steps {
    private final BundleDeployer deployer;

    SetSteps(BundleDeployer deployer) {
        this.deployer = deployer;
    }

    @Override
    public Map<String, String> running() {
        return deployer.runningSha();
    }

    @Override
    public DeployResult deploy(Path jar, WantedBundle wanted) {
        return deployer.deployFromSet(jar, wanted);
    }

    @Override
    public DeployResult withdraw(String symbolicName) {
        return deployer.withdrawFromSet(symbolicName);
    }

    @Override
    public void seed() {
        deployer.seedSet();
    }
}
