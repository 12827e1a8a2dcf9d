package org.khidmat.core.internal.health;

import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.store.NotificationStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The message outbox: WARN when more than {@code outboxWarn} of {@code org.khidmat.health} (default 100) messages
 * wait to be sent, which means a provider is down or slow. Citizens are still served, so readiness does not depend
 * on it.
 */
@Component(property = HealthCheck.NAME + "=outbox", configurationPid = HealthConfig.PID)
public final class OutboxCheck implements HealthCheck {
    private final NotificationStore store;
    private final Metrics metrics;
    private final int warnAbove;

    @Activate
    public OutboxCheck(HealthConfig config, @Reference NotificationStore store, @Reference Metrics metrics) {
        this(store, metrics, Math.max(1, config.outboxWarn()));
    }

    OutboxCheck(NotificationStore store, Metrics metrics, int warnAbove) {
        this.store = store;
        this.metrics = metrics;
        this.warnAbove = warnAbove;
    }

    @Override
    public HealthResult check() {
        int backlog;
        try {
            backlog = store.queued().size();
        } catch (RuntimeException e) {
            return HealthResult.warn("the outbox could not be read: " + e.getMessage());
        }
        metrics.set("khidmat_notification_outbox_backlog", backlog);
        return backlog > warnAbove
                ? HealthResult.warn(backlog + " messages wait to be sent (more than " + warnAbove
                        + "); check the SMS and e-mail providers in /admin/messages")
                : HealthResult.ok(backlog + " messages wait to be sent");
    }
}
