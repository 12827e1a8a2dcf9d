package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff session as stored: keyed by the SHA-256 (hex) of its id, never the id itself. A final class with a factory,
 * so it can grow a field in a minor version.
 *
 * @since 1.1
 */
public final class StoredSession {
    private final String idHash;
    private final String username;
    private final String csrf;
    private final Instant created;
    private final Instant lastSeen;

    private StoredSession(String idHash, String username, String csrf, Instant created, Instant lastSeen) {
        this.idHash = Objects.requireNonNull(idHash, "idHash");
        this.username = Objects.requireNonNull(username, "username");
        this.csrf = Objects.requireNonNull(csrf, "csrf");
        this.created = Objects.requireNonNull(created, "created");
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /**
     * @param idHash SHA-256 (hex) of the session id
     * @param username the account logged in
     * @param csrf the token the session's state-changing requests carry
     * @param created when the login happened
     * @param lastSeen the last request written (at most a minute behind the real last one)
     * @return the session
     */
    public static StoredSession of(String idHash, String username, String csrf, Instant created, Instant lastSeen) {
        return new StoredSession(idHash, username, csrf, created, lastSeen);
    }

    /** @return SHA-256 (hex) of the session id */
    public String idHash() {
        return idHash;
    }

    /** @return the account logged in */
    public String username() {
        return username;
    }

    /** @return the session's CSRF token */
    public String csrf() {
        return csrf;
    }

    /** @return when the login happened */
    public Instant created() {
        return created;
    }

    /** @return the last request written */
    public Instant lastSeen() {
        return lastSeen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredSession s && idHash.equals(s.idHash) && username.equals(s.username)
                && csrf.equals(s.csrf) && created.equals(s.created) && lastSeen.equals(s.lastSeen);
    }

    @Override
    public int hashCode() {
        return idHash.hashCode();
    }

    @Override
    public String toString() {
        return "StoredSession[" + username + ", created " + created + ", last seen " + lastSeen + "]"; // no hash, no token
    }
}
