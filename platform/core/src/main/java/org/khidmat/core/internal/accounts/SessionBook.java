package org.khidmat.core.internal.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.Session;

/**
 * Live staff sessions, in memory: a restart logs everybody out, which for a centre's staff is a feature.
 * Ids and CSRF tokens are 32 random bytes; a session ends after {@link #IDLE} without a request.
 */
final class SessionBook {
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionBook(Clock clock) {
        this.clock = clock;
    }

    /** Opens a new session: a new id at every login, so a session id planted before login is worthless. */
    Session open(Account account) {
        Instant now = clock.instant();
        Session s = new Session(random(), account, random(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(id, (k, old) -> old.lastSeen().plus(IDLE).isBefore(now) ? null
                : new Session(old.id(), old.account(), old.csrf(), old.created(), now));
        return Optional.ofNullable(s);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    void closeAll(String username) {
        sessions.values().removeIf(s -> s.account().username().equals(username));
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
