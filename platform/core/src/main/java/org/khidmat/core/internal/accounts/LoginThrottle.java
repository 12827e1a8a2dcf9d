package org.khidmat.core.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.store.ThrottleCount;
import org.khidmat.api.store.Throttles;

/**
 * Slows password guessing. Failures are counted per (name, address) pair: after {@link #FREE_TRIES} the
 * pair must wait, 2 s doubling with each further failure up to 15 minutes. The same name from another
 * address is not held back, so an attacker cannot lock a real user out. An address that fails across many
 * names is held back as a whole as well, but only for the names that have failed from it: a colleague behind
 * the same office NAT who has not mistyped is let through, so one guesser cannot keep a whole office (or the
 * admin) out; the guesser meanwhile gets one try per name, not {@link #FREE_TRIES}.
 * Tries held back are counted per address and reported at most once a minute ({@link #held}, {@link #drain}),
 * so that a flood of them does not become a flood of audit rows.
 * The failures are counted in the database ({@link Throttles}), so every node behind a balancer counts in the same
 * rows and round-robin cannot multiply the tries; a count starts afresh after {@link #REMEMBERED} without a failure.
 * Only the reporting of held-back tries stays per node (at most one audit row a minute per address and node).
 */
final class LoginThrottle {
    static final int FREE_TRIES = 5;
    static final int ADDRESS_FREE_TRIES = 50;
    /** Held-back reports kept before those reported long ago are dropped. */
    static final int MOST_KEPT = 10_000;
    /** How long failures are remembered after the last one. */
    static final Duration REMEMBERED = Duration.ofHours(24);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    /** How often one node removes expired counters, at a failure. */
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);

    /** Held-back tries of an address not yet reported, and when the last report was. */
    private static final class Held {
        int count;
        Instant reportedAt;
    }

    private final Throttles counters;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile Instant forgot = Instant.MIN;

    LoginThrottle(Throttles counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    private static String pair(String username, String address) {
        return "login:" + username + "\n" + address;
    }

    private static String address(String address) {
        return "login-address:" + address;
    }

    /** @return seconds to wait before a try from this pair is checked, 0 when it may go ahead */
    long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        Optional<ThrottleCount> pair = counters.count(pair(username, address), now);
        if (pair.isEmpty()) {
            return 0; // this name has not failed from here: the address's hold is not its business
        }
        return Math.max(remaining(pair.get(), FREE_TRIES, now),
                counters.count(address(address), now).map(c -> remaining(c, ADDRESS_FREE_TRIES, now)).orElse(0L));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (now.isAfter(forgot.plus(FORGET_EVERY))) {
            forgot = now;
            counters.forget(now); // every counter past its expiry, logins' and forms' alike
        }
        counters.hit(pair(username, address), now, now.plus(REMEMBERED));
        counters.hit(address(address), now, now.plus(REMEMBERED));
    }

    void succeeded(String username, String address) {
        counters.clear(pair(username, address));
    }

    /** Counts a try held back; @return the held-back tries to report now in one row (see {@link #drain}) */
    int held(String address) {
        if (held.size() > MOST_KEPT) {
            Instant stale = clock.instant().minus(LONGEST_WAIT);
            held.values().removeIf(h -> h.count == 0 && (h.reportedAt == null || h.reportedAt.isBefore(stale)));
        }
        Held h = held.computeIfAbsent(address, a -> new Held());
        synchronized (h) {
            h.count++;
        }
        return drain(address);
    }

    /** @return the held-back tries of the address not yet reported, when none was reported in the last minute; else 0 */
    int drain(String address) {
        Held h = held.get(address);
        if (h == null) {
            return 0;
        }
        Instant now = clock.instant();
        synchronized (h) {
            if (h.count == 0 || h.reportedAt != null && now.isBefore(h.reportedAt.plus(REPORT_EVERY))) {
                return 0;
            }
            int n = h.count;
            h.count = 0;
            h.reportedAt = now;
            return n;
        }
    }

    /** @return the seconds a count holds back after its last failure: none up to {@code free}, then 2 s doubling to 15 min */
    private static long remaining(ThrottleCount c, int free, Instant now) {
        if (c.count() <= free) {
            return 0;
        }
        long factor = 1L << Math.min(20, c.count() - free - 1);
        Duration wait = FIRST_WAIT.multipliedBy(factor);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Instant until = c.last().plus(wait);
        if (!until.isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, until).toSeconds());
    }
}
