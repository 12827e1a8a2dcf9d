package org.khidmat.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.khidmat.api.store.Throttles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limit every node counts against together: hits per key in fixed windows, counted in the database
 * ({@link Throttles}, one atomic upsert a hit), so a balancer sending an address's requests round-robin to many nodes
 * does not multiply it. Without the store (a test, or the store going away) it lets everything through: the node's
 * own buckets still apply; so does it while the database cannot count (the request itself will meet the same
 * database).
 */
final class SharedLimit {
    private static final Logger LOG = LoggerFactory.getLogger(SharedLimit.class);
    private final Supplier<Throttles> throttles;
    private final Clock clock;

    SharedLimit(Supplier<Throttles> throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    /**
     * Counts one hit of {@code key} in the current window.
     *
     * @return 0 when it is within {@code limit} hits of the window, else the seconds until the next window
     */
    long take(String key, int limit, Duration window) {
        Throttles t = throttles.get();
        if (t == null) {
            return 0;
        }
        long now = clock.millis();
        long size = window.toMillis();
        long end = now - Math.floorMod(now, size) + size;
        long n;
        try {
            n = t.hit(key, Instant.ofEpochMilli(now), Instant.ofEpochMilli(end - 1));
        } catch (RuntimeException e) {
            LOG.warn("throttle: could not count a request in the database ({}); let through", e.toString());
            return 0;
        }
        return n <= limit ? 0 : Math.max(1, (end - now + 999) / 1000);
    }
}
