package org.khidmat.web.internal.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.khidmat.api.store.Throttles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limit every node counts against together: hits per key in fixed windows, counted in the database
 * ({@link Throttles}, one atomic upsert), so a balancer sending an address's requests round-robin to many nodes does
 * not multiply it. A node does not write every hit: it takes a share of the window's limit at once
 * ({@link #share}: an eighth, at most 16) and spends it locally, taking the next share when it is used up. The shares
 * taken by all nodes never add up to more than the limit (a node gets only what is left), so round-robin can make
 * the limit stricter (a share one node took and did not use), never looser. Without the store (a test, or the store
 * going away) it lets everything through: the node's own buckets still apply; so does it while the database cannot
 * count (the request itself will meet the same database).
 */
public final class SharedLimit {
    private static final Logger LOG = LoggerFactory.getLogger(SharedLimit.class);
    /** Keys kept before those of past windows are dropped. */
    static final int MOST_KEPT = 10_000;
    private final Supplier<Throttles> throttles;
    private final Clock clock;
    private final Map<String, Share> shares = new ConcurrentHashMap<>();

    /** What this node may still spend of a key's window. */
    private static final class Share {
        long windowEnd;
        long left;
        /** The limit was used up in this window: refuse without asking again. */
        boolean spent;
    }

    public SharedLimit(Supplier<Throttles> throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    /** @return how many hits a node takes at once of a limit */
    static long share(int limit) {
        return Math.max(1, Math.min(16, limit / 8));
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
        if (shares.size() > MOST_KEPT) {
            shares.values().removeIf(s -> s.windowEnd <= now);
        }
        Share s = shares.computeIfAbsent(key + "|" + limit, k -> new Share());
        synchronized (s) {
            if (s.windowEnd != end) {
                s.windowEnd = end;
                s.left = 0;
                s.spent = false;
            }
            if (s.left > 0) {
                s.left--;
                return 0;
            }
            if (s.spent) {
                return Math.max(1, (end - now + 999) / 1000);
            }
            long want = share(limit);
            long n;
            try {
                n = t.hit(key, want, Instant.ofEpochMilli(now), Instant.ofEpochMilli(end - 1));
            } catch (RuntimeException e) {
                LOG.warn("throttle: could not count a request in the database ({}); let through", e.toString());
                return 0;
            }
            long granted = Math.min(want, limit - (n - want)); // what was left of the limit before this share
            if (granted <= 0) {
                s.spent = true;
                return Math.max(1, (end - now + 999) / 1000);
            }
            s.left = granted - 1;
            return 0;
        }
    }
}
