package org.khidmat.api.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The centre itself, as its operator configured it ({@code conf/org.khidmat.centre.cfg.json}): its name, its time
 * zone and its branding. The one source of the centre's time zone: days, opening hours, receipts and the times shown
 * to citizens and staff are in {@link #zone()}. A change to the file is seen at the next call, without a restart.
 */
@ProviderType
public interface Centre {

    /** The id of a centre that was never given one: a single-node install belongs to it. */
    String DEFAULT_ID = "default";

    /**
     * @return the centre this node serves, a short code such as {@code isb-g11} (lowercase letters, digits and
     *         {@code -}, at most 32 characters); {@link #DEFAULT_ID} unless configured. Its floor (queue, counters,
     *         hall screen, appointments, collections) is its own; the catalogue and applications are national.
     * @since 2.1
     */
    default String id() {
        return DEFAULT_ID;
    }

    /** @return the centre's full name, for example {@code Asan Khidmat Markaz Islamabad}; never blank */
    String name();

    /**
     * @return the centre's full name in other languages than English, by ISO 639-1 code ({@code ur}), as configured
     *     ({@code names}); a language without one shows {@link #name()}
     * @since 2.3
     */
    default Map<String, String> names() {
        return Map.of();
    }

    /** @return a short name for headers and the hall screen, for example {@code AKM Islamabad}; never blank */
    String shortName();

    /** @return the time zone the centre keeps its days and hours in */
    ZoneId zone();

    /** @return the path of the logo under the web root (for example {@code /static/logo.svg}), or empty for none */
    String logo();

    /** @return the brand colour as {@code #rrggbb} */
    String colour();

    /** @return the languages offered, as ISO 639-1 codes in the order the pages offer them (at least one) */
    List<String> languages();
}
