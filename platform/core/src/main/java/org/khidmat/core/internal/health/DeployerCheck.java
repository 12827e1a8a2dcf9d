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
 * deploy folder's jars never wait for approval, which is only for agency uploads). Jars waiting for a centre admin's
 * approval are counted for the operator, but do not hold readiness: waiting is their verdict until someone acts.
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
        int bundles = deployer.bundles().size();
        int pending = deployer.pending().size();
        metrics.set("khidmat_bundles_deployed", bundles);
        metrics.set("khidmat_bundles_pending_approval", pending);
        if (!deployer.ready()) {
            return HealthResult.critical("starting: the jars in deploy/ are still being deployed (" + bundles + " so far)");
        }
        String waiting = pending == 0 ? "" : "; " + pending + " jar(s) with code wait for approval in /admin";
        return HealthResult.ok(bundles + " agency bundles deployed" + waiting);
    }
}
