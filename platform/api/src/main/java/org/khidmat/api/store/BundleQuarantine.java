package org.khidmat.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Jars whose code misbehaved when it ran (a start that threw or overran), by hex SHA-256, kept in the database: every
 * node refuses a quarantined jar at once without running it, whichever node saw it misbehave. A store implements it.
 *
 * @since 1.2
 */
@ProviderType
public interface BundleQuarantine {

    /**
     * Quarantines a jar; a jar quarantined already keeps its first reason.
     *
     * @param sha256 the jar's hash
     * @param reason why, in plain words (the bundle and what its code did)
     * @param at when
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void add(String sha256, String reason, Instant at);

    /**
     * @param sha256 the jar's hash
     * @return why the jar was quarantined, or empty when it is not
     */
    Optional<String> reason(String sha256);

    /** @return every quarantined hash with its reason, by hash */
    Map<String, String> all();
}
