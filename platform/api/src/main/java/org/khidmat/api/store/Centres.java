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

    /**
     * Adds a centre or updates its names and zone, with its name in other languages than English (its names in a
     * language it no longer gives are forgotten).
     *
     * @param id the centre's id, such as {@code isb-g11}
     * @param name its full name in English, the name shown in a language it has no name in
     * @param names its name by language (ISO 639-1 code, such as {@code ur}), blank names left out
     * @param zone its time zone, as an IANA id
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     * @since 1.4
     */
    default void register(String id, String name, Map<String, String> names, String zone) {
        register(id, name, zone);
    }

    /** @return every centre's full name, by id, sorted by id */
    Map<String, String> names();

    /**
     * @return every centre's names by id, sorted by id: for each, its name by language, the stored (English) name under
     *     {@code en} and each name its configuration gives in another language
     * @since 1.4
     */
    default Map<String, Map<String, String>> namesByLanguage() {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        names().forEach((id, name) -> out.put(id, Map.of("en", name)));
        return out;
    }
}
