package org.khidmat.core.internal.deploy;

import java.util.function.Supplier;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.core.internal.metrics.Meter;

/** Times one deployer step and counts its verdict: {@code done}, {@code refused}, {@code pending_approval}, ... */
final class DeployMeter {
    /** A deployer step. */
    interface Step {
        DeployResult run();
    }

    private final Meter meter;

    DeployMeter(Supplier<Metrics> metrics) {
        this.meter = new Meter(metrics);
    }

    DeployResult deployer(String action, Step step) {
        long t0 = System.nanoTime();
        DeployResult r = step.run();
        meter.count("khidmat_deploys_total", action, r == null ? "none" : Meter.label(r.status()));
        meter.observe("khidmat_deploy_duration_seconds", Meter.since(t0), action);
        return r;
    }
}
