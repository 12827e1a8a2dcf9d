package org.khidmat.core.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the audit log in the background, so a broken chain alerts without anyone running
 * {@code bin/khidmat verify-audit}: the whole log {@link #START_DELAY} after start, then daily; in between, every
 * {@code auditCheckMinutes} of {@code org.khidmat.health}, only the entries added since the last one verified
 * ({@link AuditLog#verifyFrom}), which is cheap. Once broken, every round checks the whole log again (a restored
 * database recovers). The gauges {@code khidmat_audit_chain_intact}, {@code khidmat_audit_verified_seq} and
 * {@code khidmat_audit_verified_timestamp_seconds} and the check {@code audit} in {@code /health} (CRITICAL when
 * broken; not a readiness check: citizens are still served) say what the last round found; a probe never verifies.
 */
@Component(property = HealthCheck.NAME + "=audit", configurationPid = HealthConfig.PID, immediate = true)
public final class AuditWatch implements HealthCheck {
    static final Duration START_DELAY = Duration.ofSeconds(20);
    static final Duration FULL_EVERY = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuditWatch.class);

    /** What the last round found; {@code at} is null before the first. */
    record Verified(boolean intact, long seq, Instant at, Instant lastFull, String message) {
        static final Verified NONE = new Verified(true, 0, null, null, "the audit log is not checked yet");
    }

    private final AuditLog audit;
    private final Metrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile Verified verified = Verified.NONE;

    @Activate
    public AuditWatch(HealthConfig config, @Reference AuditLog audit, @Reference Metrics metrics) {
        this(audit, metrics, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khidmat-audit-watch");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }));
        long minutes = Math.max(1, config.auditCheckMinutes());
        timer.scheduleWithFixedDelay(this::round, START_DELAY.toSeconds(), TimeUnit.MINUTES.toSeconds(minutes),
                TimeUnit.SECONDS);
    }

    /** @param timer runs the rounds, or {@code null} when the caller calls {@link #round()} (tests) */
    AuditWatch(AuditLog audit, Metrics metrics, Clock clock, ScheduledExecutorService timer) {
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.timer = timer;
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One round: the whole log at the first, daily and while broken; otherwise the entries since the last verified. */
    void round() {
        Verified before = verified;
        Instant now = clock.instant();
        boolean full = !before.intact() || before.lastFull() == null
                || Duration.between(before.lastFull(), now).compareTo(FULL_EVERY) >= 0;
        AuditCheck check;
        try {
            check = full ? audit.verify() : audit.verifyFrom(before.seq() + 1);
        } catch (RuntimeException e) {
            LOG.warn("audit watch: the audit log could not be read ({}); trying again at the next round", e.getMessage());
            return;
        }
        long seq = !check.intact() ? before.seq() : full ? check.entries() : before.seq() + check.entries();
        Verified after = new Verified(check.intact(), seq, now, full ? now : before.lastFull(), check.message());
        verified = after;
        metrics.set("khidmat_audit_chain_intact", after.intact() ? 1 : 0);
        metrics.set("khidmat_audit_verified_seq", after.seq());
        metrics.set("khidmat_audit_verified_timestamp_seconds", now.getEpochSecond());
        if (!after.intact() && before.intact()) {
            LOG.error("audit watch: {}; find what changed with bin/khidmat verify-audit --export <last export>, and"
                    + " restore a good backup", check.message());
        } else if (after.intact() && !before.intact()) {
            LOG.info("audit watch: the audit log verifies again ({})", check.message());
        } else {
            LOG.debug("audit watch: {} ({})", check.message(), full ? "whole log" : "new entries");
        }
    }

    @Override
    public HealthResult check() {
        Verified v = verified;
        if (v.at() == null) {
            return HealthResult.ok(v.message());
        }
        return v.intact()
                ? HealthResult.ok("audit log intact up to entry " + v.seq() + " (checked " + v.at() + ")")
                : HealthResult.critical(v.message() + " (found " + v.at() + "); run bin/khidmat verify-audit and"
                        + " restore a good backup");
    }
}
