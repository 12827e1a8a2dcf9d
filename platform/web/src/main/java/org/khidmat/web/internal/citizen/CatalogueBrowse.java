package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Words;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The two ways into the catalogue besides search, on its first page: by life event ({@link LifeEvents}: "Having a
 * baby", "Starting a business") and by topic (the descriptors' categories, named in the page's language), each with
 * how many services it holds, each a link to the catalogue narrowed to it.
 */
final class CatalogueBrowse {
    private CatalogueBrowse() {
    }

    static void append(StringBuilder b, List<CatalogueEntry> all, String lang) {
        List<ServiceDescriptor> services = all.stream().map(CatalogueEntry::descriptor).toList();
        Map<String, Integer> events = LifeEvents.counts(services);
        Map<String, Integer> topics = new TreeMap<>();
        services.forEach(d -> topics.merge(d.category(), 1, Integer::sum));
        b.append("<div class=\"browse\">");
        if (!events.isEmpty()) {
            b.append("<nav aria-labelledby=\"by-event\" class=\"browse-list\"><h2 id=\"by-event\">").append(Words.get("byEvent", lang))
                    .append("</h2><ul>");
            events.forEach((id, n) -> b.append("<li><a href=\"/?event=").append(id).append("\" id=\"event-").append(id).append("\">")
                    .append(HallWords.get("event." + id, lang)).append("</a> <span class=\"count\">(").append(n).append(")</span></li>"));
            b.append("</ul></nav>");
        }
        b.append("<nav aria-labelledby=\"by-topic\" class=\"browse-list\"><h2 id=\"by-topic\">").append(Words.get("byTopic", lang))
                .append("</h2><ul>");
        topics.forEach((c, n) -> b.append("<li><a href=\"/?category=").append(Http.escape(URLEncoder.encode(c, StandardCharsets.UTF_8)))
                .append("\" id=\"topic-").append(Http.escape(c)).append("\">").append(HallWords.category(c, lang))
                .append("</a> <span class=\"count\">(").append(n).append(")</span></li>"));
        b.append("</ul></nav></div>\n");
    }
}
