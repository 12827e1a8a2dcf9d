package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.citizen.CataloguePage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The services a citizen can choose at the kiosk and for an appointment, grouped by category under a heading each,
 * narrowed by the same word search as the catalogue (English and Urdu); a disabled service is listed as unavailable,
 * with the reason and the day it is expected back, instead of vanishing ({@code hall/serviceList.jte}).
 */
final class ServiceChooser {
    private ServiceChooser() {
    }

    /**
     * @return the services matching the words, by category (sorted), in catalogue order within each; disabled ones
     *     too, which {@code hall/serviceList.jte} shows as unavailable
     */
    static Map<String, List<CatalogueEntry>> grouped(List<CatalogueEntry> services, String words) {
        Map<String, List<CatalogueEntry>> out = new TreeMap<>();
        for (CatalogueEntry e : services) {
            if (CataloguePage.matches(e, words)) {
                out.computeIfAbsent(e.descriptor().category(), c -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }
}
