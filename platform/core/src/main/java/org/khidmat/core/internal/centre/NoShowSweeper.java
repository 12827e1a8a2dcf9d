package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.khidmat.api.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks missed appointments as no-shows every minute, on one node at a time: a tick runs only on the node that holds
 * (takes, or renews) its centre's {@link #lease(String)} in the database, so each centre's appointments are swept
 * by one of that centre's nodes. A node that stops gives the lease up, so another's
 * next tick takes over; a node that dies leaves it to expire after {@link #TTL}.
 */
final class NoShowSweeper {
    /** The lease's name for the centre {@code default}; another centre's is this, a dot and its id. */
    static final String LEASE = "appointments.no-show";
    /** How long the sweeping node holds it without a renewal; it renews every minute. */
    static final Duration TTL = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(NoShowSweeper.class);
    private final Leases leases;
    private final String lease;
    private final Supplier<String> node;
    private final IntSupplier markNoShows;
    private ScheduledExecutorService timer;

    NoShowSweeper(Leases leases, Supplier<String> node, IntSupplier markNoShows) {
        this(org.khidmat.api.platform.Centre.DEFAULT_ID, leases, node, markNoShows);
    }

    /** @param site the centre whose appointments {@code markNoShows} sweeps */
    NoShowSweeper(String site, Leases leases, Supplier<String> node, IntSupplier markNoShows) {
        this.lease = lease(site);
        this.leases = leases;
        this.node = node;
        this.markNoShows = markNoShows;
    }

    /** @return the name of the lease that sweeps a centre's appointments */
    static String lease(String site) {
        return org.khidmat.api.platform.Centre.DEFAULT_ID.equals(site) ? LEASE : LEASE + "." + site;
    }

    /** Ticks every minute from now on, on a thread of its own. */
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khidmat-appointments");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
    }

    /** Stops ticking and gives the lease up. */
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            leases.release(lease, node.get());
        } catch (RuntimeException e) {
            LOG.debug("appointments: the no-show lease was not released ({}); it expires", e.toString());
        }
    }

    /** @return whether this node swept (it holds the lease) */
    boolean tick() {
        try {
            if (!leases.tryAcquire(lease, node.get(), TTL)) {
                return false;
            }
            markNoShows.getAsInt();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("appointments: marking no-shows failed: {}", e.toString());
            return false;
        }
    }
}
