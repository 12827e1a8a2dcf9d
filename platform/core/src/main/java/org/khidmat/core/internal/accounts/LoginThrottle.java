package org.khidmat.core.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Failures are counted per (name, address) pair: after {@link #FREE_TRIES} the
 * pair must wait, 2 s doubling with each further failure up to 15 minutes. The same name from another
 * address is not held back, so an attacker cannot lock a real user out; an address that fails across many
 * names is held back as a whole as well.
 */
final class LoginThrottle {
    static final int FREE_TRIES = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int ADDRESS_FREE_TRIES = 50;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return seconds to wait before a try from this pair is checked, 0 when it may go ahead */
    long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        long pair = remaining(byPair.get(username + "\n" + address), now);
        long addr = remaining(byAddress.get(address), now);
        return Math.max(pair, addr);
    }

    void failed(String username, String address) {
        byPair.merge(username + "\n" + address, new Failures(1, null), (a, b) -> next(a, FREE_TRIES));
        byAddress.merge(address, new Failures(1, null), (a, b) -> next(a, ADDRESS_FREE_TRIES));
    }

    void succeeded(String username, String address) {
        byPair.remove(username + "\n" + address);
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

    private static long remaining(Failures f, Instant now) {
        if (f == null || f.blockedUntil() == null || !f.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.blockedUntil()).toSeconds());
    }
}
