package org.khidmat.api.store;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Counters that every node shares (login failures, public POSTs per address and minute), so round-robin across nodes
 * cannot multiply a limit: each hit is one atomic {@code INSERT ... ON CONFLICT DO UPDATE SET n = n + 1 RETURNING n}.
 * A counter whose expiry has passed starts again at 1. Keys are chosen by the caller; they may hold an address or a
 * login name, never a password or a token.
 *
 * @since 1.1
 */
@ProviderType
public interface Throttles {

    /**
     * Counts one hit.
     *
     * @param key the counter
     * @param at the hit's time
     * @param expires when the counter starts again if no hit comes before
     * @return the count including this hit
     */
    long hit(String key, Instant at, Instant expires);

    /**
     * Counts {@code hits} hits at once (a node taking a share of a limit for its own use), in one atomic statement.
     * The default counts them one by one.
     *
     * @param key the counter
     * @param hits how many, at least 1
     * @param at their time
     * @param expires when the counter starts again if no hit comes before
     * @return the count including these hits
     */
    default long hit(String key, long hits, Instant at, Instant expires) {
        long n = 0;
        for (long i = 0; i < hits; i++) {
            n = hit(key, at, expires);
        }
        return n;
    }

    /**
     * @param key the counter
     * @param now the time now
     * @return the counter, when it has hits that have not expired
     */
    Optional<ThrottleCount> count(String key, Instant now);

    /** @param key a counter to start again (a login that succeeded) */
    void clear(String key);

    /**
     * @param now counters expired before this are removed
     * @return how many were removed
     */
    int forget(Instant now);
}
