package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Words;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * A large catalogue as sections: one per category with its count and a link to the category's full list, and in it
 * the services' titles under their agency with its count. Summaries, fees and times are on each service's page and
 * in the category's list, so four hundred services make a page a fraction of the size of listing them all.
 */
final class CatalogueGroups {
    private CatalogueGroups() {
    }

    static void append(StringBuilder b, List<CatalogueEntry> shown, String lang) {
        Map<String, Map<String, List<ServiceDescriptor>>> byCategory = new TreeMap<>();
        for (CatalogueEntry e : shown) {
            ServiceDescriptor d = e.descriptor();
            byCategory.computeIfAbsent(d.category(), c -> new TreeMap<>())
                    .computeIfAbsent(d.agency().code(), a -> new ArrayList<>()).add(d);
        }
        byCategory.forEach((category, agencies) -> {
            String c = Http.escape(category);
            String name = HallWords.category(category, lang);
            b.append("<section class=\"group\" aria-labelledby=\"c-").append(c).append("\"><h2 id=\"c-").append(c)
                    .append("\">").append(name).append(" (").append(count(agencies)).append(")</h2>\n");
            agencies.forEach((agency, services) -> {
                b.append("<h3>").append(Http.text(services.get(0).agency().name().in(lang), lang)).append(" (")
                        .append(services.size()).append(")</h3>\n<ul class=\"titles\">");
                for (ServiceDescriptor d : services) {
                    b.append("<li><a href=\"/services/").append(Http.escape(d.id())).append("\">")
                            .append(Http.text(d.title().in(lang), lang)).append("</a></li>");
                }
                b.append("</ul>\n");
            });
            b.append("<p><a href=\"/?category=").append(Http.escape(URLEncoder.encode(category, StandardCharsets.UTF_8)))
                    .append("\">").append(Words.get("allIn", lang)).append(' ').append(name).append("</a></p></section>\n");
        });
    }

    private static int count(Map<String, List<ServiceDescriptor>> agencies) {
        return agencies.values().stream().mapToInt(List::size).sum();
    }
}
