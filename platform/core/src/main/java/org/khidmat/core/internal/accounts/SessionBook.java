package org.khidmat.core.internal.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.khidmat.api.store.SessionStore;
import org.khidmat.api.store.StoredSession;

/**
 * Live staff sessions, in the database ({@link SessionStore}), so any node behind a balancer that does not stick
 * serves any session and a logout or a disabled account ends it on every node. Ids and CSRF tokens are 32 random
 * bytes; only the SHA-256 of an id is stored. A session ends after {@link #IDLE} without a request; a request is
 * written at most once every {@link #TOUCH_EVERY} (so the idle time is counted from a request at most that much
 * older than the last one).
 */
final class SessionBook {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** How often one node removes the rows of sessions idle for longer than {@link #IDLE}. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final Clock clock;
    private volatile Instant swept = Instant.MIN;

    SessionBook(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A session as opened: its id for the cookie, its row. */
    record Opened(String id, StoredSession session) {
    }

    /** Opens a new session: a new id at every login, so a session id planted before login is worthless. */
    Opened open(String username) {
        Instant now = clock.instant();
        sweep(now);
        String id = random();
        StoredSession s = StoredSession.of(ApiTokens.sha256(id), username, random(), now, now);
        store.open(s);
        return new Opened(id, s);
    }

    /** @return the live session of an id, its request recorded (at most once a minute); empty when unknown or idle */
    Optional<StoredSession> touch(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiTokens.sha256(id);
        Optional<StoredSession> found = store.find(hash);
        if (found.isEmpty()) {
            return found;
        }
        StoredSession s = found.get();
        Instant now = clock.instant();
        if (s.lastSeen().plus(IDLE).isBefore(now)) {
            store.close(hash);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeen().plus(TOUCH_EVERY))) {
            store.touch(hash, now);
            return Optional.of(StoredSession.of(hash, s.username(), s.csrf(), s.created(), now));
        }
        return found;
    }

    void close(String id) {
        if (id != null && !id.isEmpty()) {
            store.close(ApiTokens.sha256(id));
        }
    }

    void closeAll(String username) {
        store.closeAll(username);
    }

    /** Removes idle sessions' rows, at most once every {@link #SWEEP_EVERY} from this node, at a login. */
    private void sweep(Instant now) {
        if (now.isAfter(swept.plus(SWEEP_EVERY))) {
            swept = now;
            store.expire(now.minus(IDLE));
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
