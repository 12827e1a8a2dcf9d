package org.khidmat.core.internal.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.WaitingBundle;
import org.khidmat.core.internal.health.HealthConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Jars with code waiting for a centre admin's approval: their count ({@code khidmat_bundles_awaiting_approval}) and
 * the oldest one's wait ({@code khidmat_bundle_approval_oldest_wait_seconds}); WARN when one has waited longer than
 * {@code approvalWarnHours} of {@code org.khidmat.health}. Cheap enough for every probe and scrape: it reads the rows
 * of the waiting jars in the database (the same on every node), never the jars themselves (unlike
 * {@code Deployer.pending()}, which checks each jar again). Not a readiness check: the centre serves meanwhile.
 */
@Component(property = HealthCheck.NAME + "=approvals", configurationPid = HealthConfig.PID)
public final class ApprovalCheck implements HealthCheck {
    private final BundleApprovals approvals;
    private final Metrics metrics;
    private final Duration warnAfter;
    private final Clock clock;

    @Activate
    public ApprovalCheck(HealthConfig config, @Reference Metrics metrics, @Reference BundleApprovals approvals) {
        this(approvals, metrics, Duration.ofHours(Math.max(1, config.approvalWarnHours())), Clock.systemUTC());
    }

    ApprovalCheck(BundleApprovals approvals, Metrics metrics, Duration warnAfter, Clock clock) {
        this.approvals = approvals;
        this.metrics = metrics;
        this.warnAfter = warnAfter;
        this.clock = clock;
    }

    @Override
    public HealthResult check() {
        List<Instant> since;
        try {
            since = approvals.waiting().stream().map(WaitingBundle::uploadedAt).toList();
        } catch (RuntimeException e) {
            return HealthResult.warn("the jars waiting for approval could not be listed: " + e.getMessage());
        }
        Instant now = clock.instant();
        long oldest = since.stream().mapToLong(at -> Math.max(0, Duration.between(at, now).getSeconds())).max().orElse(0);
        metrics.set("khidmat_bundles_awaiting_approval", since.size());
        metrics.set("khidmat_bundle_approval_oldest_wait_seconds", oldest);
        if (since.isEmpty()) {
            return HealthResult.ok("no bundle waits for approval");
        }
        String said = since.size() + " bundle" + (since.size() == 1 ? " waits" : "s wait") + " for approval, the oldest for "
                + Duration.ofSeconds(oldest).toHours() + " h";
        return oldest > warnAfter.getSeconds()
                ? HealthResult.warn(said + " (longer than " + warnAfter.toHours()
                        + " h): a centre admin approves or rejects it in /admin")
                : HealthResult.ok(said);
    }
}
