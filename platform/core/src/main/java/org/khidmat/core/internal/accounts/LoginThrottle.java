package org.khidmat.core.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Failures are counted per (name, address) pair: after {@link #FREE_TRIES} the
 * pair must wait, 2 s doubling with each further failure up to 15 minutes. The same name from another
 * address is not held back, so an attacker cannot lock a real user out. An address that fails across many
 * names is held back as a whole as well, but only for the names that have failed from it: a colleague behind
 * the same office NAT who has not mistyped is let through, so one guesser cannot keep a whole office (or the
 * admin) out; the guesser meanwhile gets one try per name, not {@link #FREE_TRIES}.
 * Tries held back are counted per address and reported at most once a minute ({@link #held}, {@link #drain}),
 * so that a flood of them does not become a flood of audit rows.
 */
final class LoginThrottle {
    static final int FREE_TRIES = 5;
    static final int ADDRESS_FREE_TRIES = 50;
    /** Entries kept before those no longer holding anything back are dropped. */
    static final int MOST_KEPT = 10_000;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private record Failures(int count, Instant blockedUntil) {
    }

    /** Held-back tries of an address not yet reported, and when the last report was. */
    private static final class Held {
        int count;
        Instant reportedAt;
    }

    private final Clock clock;
    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return seconds to wait before a try from this pair is checked, 0 when it may go ahead */
    long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        Failures pair = byPair.get(username + "\n" + address);
        if (pair == null) {
            return 0; // this name has not failed from here: the address's hold is not its business
        }
        return Math.max(remaining(pair, now), remaining(byAddress.get(address), now));
    }

    void failed(String username, String address) {
        if (byPair.size() > MOST_KEPT || byAddress.size() > MOST_KEPT || held.size() > MOST_KEPT) {
            forgetIdle();
        }
        byPair.merge(username + "\n" + address, new Failures(1, null), (a, b) -> next(a, FREE_TRIES));
        byAddress.merge(address, new Failures(1, null), (a, b) -> next(a, ADDRESS_FREE_TRIES));
    }

    void succeeded(String username, String address) {
        byPair.remove(username + "\n" + address);
    }

    /** Counts a try held back; @return the held-back tries to report now in one row (see {@link #drain}) */
    int held(String address) {
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

    private Failures next(Failures before, int free) {
        int count = before.count() + 1;
        if (count <= free) {
            return new Failures(count, null);
        }
        long factor = 1L << Math.min(20, count - free - 1);
        Duration wait = FIRST_WAIT.multipliedBy(factor);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        return new Failures(count, clock.instant().plus(wait));
    }

    /** Drops what holds nothing back any more: waits that are over (after the longest wait, counts start afresh). */
    private void forgetIdle() {
        Instant stale = clock.instant().minus(LONGEST_WAIT);
        byPair.values().removeIf(f -> f.blockedUntil() == null || f.blockedUntil().isBefore(stale));
        byAddress.values().removeIf(f -> f.blockedUntil() == null || f.blockedUntil().isBefore(stale));
        held.values().removeIf(h -> h.count == 0 && (h.reportedAt == null || h.reportedAt.isBefore(stale)));
    }

    private static long remaining(Failures f, Instant now) {
        if (f == null || f.blockedUntil() == null || !f.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.blockedUntil()).toSeconds());
    }
}
