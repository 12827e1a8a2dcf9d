package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.core.internal.health.HealthConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Jars with code waiting for a centre admin's approval: their count ({@code khidmat_bundles_awaiting_approval}) and
 * the oldest one's wait ({@code khidmat_bundle_approval_oldest_wait_seconds}); WARN when one has waited longer than
 * {@code approvalWarnHours} of {@code org.khidmat.health}. Cheap enough for every probe and scrape: it reads the small
 * description beside each waiting jar in {@code data/deployer/pending/}, never the jar itself (unlike
 * {@code Deployer.pending()}, which checks each jar again). Not a readiness check: the centre serves meanwhile.
 */
@Component(property = HealthCheck.NAME + "=approvals", configurationPid = HealthConfig.PID)
public final class ApprovalCheck implements HealthCheck {
    private final Path pending;
    private final Metrics metrics;
    private final Duration warnAfter;
    private final Clock clock;

    @Activate
    public ApprovalCheck(BundleContext context, HealthConfig config, @Reference Metrics metrics) {
        this(Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"))
                .resolve("data").resolve("deployer").resolve("pending"), metrics,
                Duration.ofHours(Math.max(1, config.approvalWarnHours())), Clock.systemUTC());
    }

    ApprovalCheck(Path pending, Metrics metrics, Duration warnAfter, Clock clock) {
        this.pending = pending;
        this.metrics = metrics;
        this.warnAfter = warnAfter;
        this.clock = clock;
    }

    @Override
    public HealthResult check() {
        List<Instant> since;
        try {
            since = waitingSince(pending);
        } catch (IOException e) {
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

    /** @return when each waiting jar was uploaded, from the description beside it; a jar without one is skipped */
    static List<Instant> waitingSince(Path pending) throws IOException {
        List<Instant> out = new ArrayList<>();
        if (!Files.isDirectory(pending)) {
            return out;
        }
        try (Stream<Path> files = Files.list(pending)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                Path meta = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".properties"));
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(meta)) {
                    p.load(in);
                    out.add(Instant.ofEpochMilli(Long.parseLong(p.getProperty("uploadedAt", "0").trim())));
                } catch (IOException | IllegalArgumentException e) {
                    // being written or removed right now: the next probe sees it
                }
            }
        }
        return out;
    }
}
