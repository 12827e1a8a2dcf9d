package org.khidmat.web.internal.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * A large catalogue as sections ({@code citizen/groups.jte}): one per category with its count and a link to the
 * category's full list, and in it the services' titles under their agency with its count. Summaries, fees and times
 * are on each service's page and in the category's list, so four hundred services make a page a fraction of the size
 * of listing them all.
 */
final class CatalogueGroups {
    /** A category's section: its code, how many services it holds, and those by agency (in agency code order). */
    record Group(String category, int count, List<List<ServiceDescriptor>> agencies) {
    }

    private CatalogueGroups() {
    }

    static List<Group> of(List<CatalogueEntry> shown) {
        Map<String, Map<String, List<ServiceDescriptor>>> byCategory = new TreeMap<>();
        for (CatalogueEntry e : shown) {
            ServiceDescriptor d = e.descriptor();
            byCategory.computeIfAbsent(d.category(), c -> new TreeMap<>())
                    .computeIfAbsent(d.agency().code(), a -> new ArrayList<>()).add(d);
        }
        List<Group> groups = new ArrayList<>();
        byCategory.forEach((category, agencies) -> groups.add(new Group(category,
                agencies.values().stream().mapToInt(List::size).sum(), List.copyOf(agencies.values()))));
        return groups;
    }
}
