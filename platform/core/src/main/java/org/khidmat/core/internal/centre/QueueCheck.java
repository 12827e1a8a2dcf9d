package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.core.internal.metrics.Meter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall: how many of today's tokens wait, read at each probe and scrape into {@code khidmat_queue_tokens_waiting}
 * (label {@code centre}: the id of the centre this node serves). Always OK: a long queue
 * is for the floor manager, not a fault.
 */
@Component(property = HealthCheck.NAME + "=queue")
public final class QueueCheck implements HealthCheck {
    private final QueueStore store;
    private final Metrics metrics;
    private final String site;
    private final String centre;

    @Activate
    public QueueCheck(@Reference Centre centre, @Reference QueueStore store, @Reference Metrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.site = centre.id();
        this.centre = Meter.centre(site);
    }

    @Override
    public HealthResult check() {
        LocalDate today = LocalDate.now(org.khidmat.core.internal.config.CentreZone.get());
        long waiting;
        try {
            waiting = store.tokens(site, today, today).stream().filter(t -> QueueToken.WAITING.equals(t.state())).count();
        } catch (RuntimeException e) {
            return HealthResult.warn("the queue could not be read: " + e.getMessage());
        }
        metrics.set("khidmat_queue_tokens_waiting", waiting, centre);
        return HealthResult.ok(waiting + " tokens waiting");
    }
}
