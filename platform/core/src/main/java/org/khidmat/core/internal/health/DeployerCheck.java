package org.khidmat.core.internal.health;

import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Readiness of the deployer: every jar found in {@code deploy/} at start has its verdict (deployed or refused; the
 * deploy folder's jars never wait for approval, which is only for agency uploads; an upload waiting for a centre
 * admin's approval does not hold readiness: waiting is its verdict until someone acts).
 */
@Component(property = {HealthCheck.NAME + "=deployer", HealthCheck.READINESS + ":Boolean=true"})
public final class DeployerCheck implements HealthCheck {
    private final Deployer deployer;
    private final Metrics metrics;

    @Activate
    public DeployerCheck(@Reference Deployer deployer, @Reference Metrics metrics) {
        this.deployer = deployer;
        this.metrics = metrics;
    }

    @Override
    public HealthResult check() {
        // not Deployer.pending(): it checks each waiting jar again, too much for a probe
        int bundles = deployer.bundles().size();
        metrics.set("khidmat_bundles_deployed", bundles);
        if (!deployer.ready()) {
            return HealthResult.critical("starting: the jars in deploy/ are still being deployed (" + bundles + " so far)");
        }
        return HealthResult.ok(bundles + " agency bundles deployed");
    }
}
