package org.khidmat.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which bundle owns which agency code: the first bundle committed with services of an agency owns it on every node,
 * and no other bundle may declare services under that code. Kept in the database so a claim made through one node
 * refuses a rival bundle on any other. A store implements it.
 *
 * @since 1.2
 */
@ProviderType
public interface AgencyOwners {

    /**
     * Claims an agency code for a bundle unless a bundle owns it already; of two nodes claiming at once, one wins.
     *
     * @param agency the agency code
     * @param symbolicName the bundle
     * @param at when
     * @return the owner after the call: {@code symbolicName} when the claim was made or held already, the other
     *         bundle otherwise
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    String claim(String agency, String symbolicName, Instant at);

    /**
     * @param agency the agency code
     * @return the bundle that owns it, or empty when none does
     */
    Optional<String> owner(String agency);

    /** @return every agency code with the bundle that owns it, by agency code */
    Map<String, String> all();
}
