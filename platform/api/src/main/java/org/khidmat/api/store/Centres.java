package org.khidmat.api.store;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The centres that share the database: each node registers the centre it serves when it starts, so that the open
 * figures can name every centre.
 *
 * @since 1.1
 */
@ProviderType
public interface Centres {

    /**
     * Adds a centre or updates its names and zone.
     *
     * @param id the centre's id, such as {@code isb-g11}
     * @param name its full name
     * @param zone its time zone, as an IANA id
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void register(String id, String name, String zone);

    /** @return every centre's full name, by id, sorted by id */
    Map<String, String> names();
}
