package org.khidmat.web.internal.citizen;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The two ways into the catalogue besides search, on its first page ({@code citizen/browse.jte}): by life event
 * ({@link LifeEvents}: "Having a baby", "Starting a business") and by topic (the descriptors' categories, named in the
 * page's language), each with how many services it holds, each a link to the catalogue narrowed to it.
 *
 * @param events life event id to how many services it holds, in the events' order, only those with any
 * @param topics category to how many services it holds, by category
 */
record CatalogueBrowse(Map<String, Integer> events, Map<String, Integer> topics) {

    static CatalogueBrowse of(List<CatalogueEntry> all) {
        List<ServiceDescriptor> services = all.stream().map(CatalogueEntry::descriptor).toList();
        Map<String, Integer> topics = new TreeMap<>();
        services.forEach(d -> topics.merge(d.category(), 1, Integer::sum));
        return new CatalogueBrowse(LifeEvents.counts(services), topics);
    }
}
