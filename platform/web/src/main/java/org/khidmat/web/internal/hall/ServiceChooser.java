package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.citizen.CataloguePage;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The services a citizen can choose at the kiosk and for an appointment, grouped by category under a heading each,
 * narrowed by the same word search as the catalogue (English and Urdu); a disabled service is listed as unavailable,
 * with the reason and the day it is expected back, instead of vanishing.
 */
final class ServiceChooser {
    private ServiceChooser() {
    }

    /**
     * @return the services matching the words, by category (sorted), in catalogue order within each; disabled ones
     *     too, which the caller shows as unavailable ({@link #unavailable})
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

    /** @return a disabled service's list item: its title, "Temporarily unavailable", the reason and when it is back */
    static String unavailable(CatalogueEntry e, String lang) {
        DisabledReason why = DisabledReason.of(e.disabledReason());
        return "<div class=\"unavailable\" id=\"off-" + Http.escape(e.id()) + "\"><strong>" + Http.text(e.descriptor().title()
                .in(lang), lang) + "</strong><span class=\"meta\">" + Words.get("unavailableShort", lang)
                + (why == null ? "" : ": " + why.html(lang)) + "</span></div>";
    }

    /** @return the search form: GET to {@code action} with {@code q} */
    static String search(String action, String words, String lang) {
        return "<form method=\"get\" action=\"" + Http.escape(action) + "\" role=\"search\" class=\"finder\"><label for=\"q\">"
                + HallWords.get("findService", lang) + "</label><input type=\"search\" id=\"q\" name=\"q\" value=\""
                + Http.escape(words) + "\"><button type=\"submit\" id=\"search\" class=\"secondary\">"
                + HallWords.get("show", lang) + "</button>" + (words.isBlank() ? "" : " <a href=\"" + Http.escape(action)
                + "\">" + HallWords.get("showAll", lang) + "</a>") + "</form>\n";
    }

    /**
     * @param item one service's list item content, already HTML
     * @return a section per category with its heading, or the "nothing matches" line
     */
    static String list(Map<String, List<CatalogueEntry>> groups, String lang, Function<CatalogueEntry, String> item) {
        if (groups.isEmpty()) {
            return "<p id=\"none\">" + Words.get("none", lang) + "</p>";
        }
        StringBuilder b = new StringBuilder("<div id=\"services\">");
        groups.forEach((category, entries) -> {
            String id = "cat-" + Http.escape(category);
            b.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
                    .append(HallWords.category(category, lang)).append("</h2><ul class=\"choices\">");
            entries.forEach(e -> b.append("<li>").append(item.apply(e)).append("</li>"));
            b.append("</ul></section>\n");
        });
        return b.append("</div>").toString();
    }
}
