package org.khidmat.api.store;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff sessions shared by every node over one database, so a balancer need not stick a session to a node. Rows are
 * keyed by the SHA-256 of the session id; the id itself is never stored. Each method is one transaction.
 *
 * @since 1.1
 */
@ProviderType
public interface SessionStore {

    /** @param session a new session; an existing row with its hash is replaced */
    void open(StoredSession session);

    /**
     * @param idHash SHA-256 (hex) of a session id
     * @return the session, if one is stored under that hash (expired or not: the caller judges)
     */
    Optional<StoredSession> find(String idHash);

    /**
     * Records a request of the session.
     *
     * @param idHash SHA-256 (hex) of the session id
     * @param lastSeen the request's time
     * @return whether the session is still stored
     */
    boolean touch(String idHash, Instant lastSeen);

    /** @param idHash SHA-256 (hex) of a session id; an unknown one is ignored */
    void close(String idHash);

    /**
     * @param username an account
     * @return how many sessions of that account were ended, on every node
     */
    int closeAll(String username);

    /**
     * @param lastSeenBefore sessions idle since before this are removed
     * @return how many were removed
     */
    int expire(Instant lastSeenBefore);
}
