package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.Brand;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.Prepared;
import org.khidmat.web.internal.http.PreparedCache;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.Words;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The catalogue at {@code /}: every service (a disabled one marked unavailable, with the reason), searchable by words in English and Urdu, filtered by category and
 * agency. Past {@link #GROUP_OVER} services the unfiltered page lists titles only, grouped by category and agency
 * ({@link CatalogueGroups}). The page holds nothing of the visitor's but the language, so every page without search
 * words is prepared once per catalogue stamp, language and parameters, with an ETag and gzip ({@link PreparedCache}).
 */
public final class CataloguePage {
    /** How many services the unfiltered page lists in full; past it, it groups titles. */
    static final int GROUP_OVER = 60;
    private static final Set<String> PREPARED_PARAMETERS = Set.of("lang", "category", "agency", "q", "event");
    private final Catalogue catalogue;
    private final PreparedCache cache = new PreparedCache();
    private volatile CatalogueSearch.Index index;

    CataloguePage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Sends the page: prepared when it has no search words and only the parameters it knows, else made now. */
    void send(Request request, Response response, Callback callback, String lang) {
        Map<String, String> q = Exchange.query(request);
        if (!q.getOrDefault("q", "").isBlank() || !PREPARED_PARAMETERS.containsAll(q.keySet())) {
            Http.html(response, callback, 200, render(request, lang));
            return;
        }
        long stamp = catalogue.version();
        // the page differs by language, by the address its language switch returns to (Layout.page) and by the brand
        String variant = lang + ' ' + Brand.stamp() + ' ' + request.getHttpURI().getPathQuery();
        cache.get(stamp, variant, () -> Prepared.of(render(request, lang).getBytes(StandardCharsets.UTF_8), Prepared.HTML,
                "private, no-cache", "Accept-Encoding, Cookie", null)).send(request, response, callback);
    }

    String render(Request request, String lang) {
        Map<String, String> q = Exchange.query(request);
        String words = q.getOrDefault("q", "").strip();
        String category = q.getOrDefault("category", "");
        String agency = q.getOrDefault("agency", "");
        String event = q.getOrDefault("event", "");
        // a disabled service stays listed, marked unavailable with the reason, so a citizen looking for it learns why
        List<CatalogueEntry> open = catalogue.services();
        List<CatalogueEntry> shown = CatalogueSearch.search(index(open), words).stream()
                .filter(e -> category.isEmpty() || e.descriptor().category().equals(category))
                .filter(e -> agency.isEmpty() || e.descriptor().agency().code().equals(agency))
                .filter(e -> event.isEmpty() || LifeEvents.in(event, e.descriptor())).toList();
        Map<String, String> categories = new TreeMap<>();
        Map<String, String> agencies = new TreeMap<>();
        for (CatalogueEntry e : open) {
            categories.put(e.descriptor().category(), HallWords.category(e.descriptor().category(), lang));
            agencies.put(e.descriptor().agency().code(), Http.escape(e.descriptor().agency().name().in(lang)));
        }
        boolean everything = words.isEmpty() && category.isEmpty() && agency.isEmpty() && event.isEmpty();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Words.get("catalogueTitle", lang)).append("</h1>\n")
                .append("<form method=\"get\" action=\"/\" role=\"search\">\n")
                .append("<label for=\"q\">").append(Words.get("searchLabel", lang)).append("</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").append(Http.escape(words)).append("\">\n")
                .append(select("category", Words.get("category", lang), categories, category, lang))
                .append(select("agency", Words.get("agency", lang), agencies, agency, lang))
                .append("<button type=\"submit\" id=\"search\">").append(Words.get("search", lang)).append("</button></form>\n");
        if (everything) {
            CatalogueBrowse.append(b, open, lang);
        } else if (LifeEvents.EVENTS.containsKey(event)) {
            b.append("<h2 id=\"event\">").append(HallWords.get("event." + event, lang)).append("</h2>\n");
        }
        b.append("<p id=\"count\" role=\"status\">").append(Words.get(shown.size() == 1 ? "foundOne" : "found", lang, shown.size()))
                .append("</p>\n");
        if (shown.isEmpty()) {
            b.append("<p>").append(Words.get("none", lang)).append("</p>");
        }
        if (shown.size() > GROUP_OVER && everything) {
            CatalogueGroups.append(b, shown, lang);
            return Layout.page(request, lang, Words.get("catalogueTitle", lang), b.toString());
        }
        b.append("<ul class=\"services\">\n");
        for (CatalogueEntry e : shown) {
            ServiceDescriptor d = e.descriptor();
            b.append("<li class=\"service\"><h2><a href=\"/services/")
                    .append(Http.escape(d.id())).append("\">").append(Http.text(d.title().in(lang), lang)).append("</a></h2>")
                    .append("<p class=\"summary-text\">").append(Http.text(d.summary().in(lang), lang)).append("</p>")
                    .append(e.enabled() ? "" : "<p class=\"off\" id=\"off-" + Http.escape(d.id()) + "\">"
                            + Words.get("unavailableShort", lang) + reason(e, lang) + "</p>")
                    .append("<p class=\"meta\">").append(Words.get("agency", lang)).append(": ")
                    .append(Http.text(d.agency().name().in(lang), lang)).append(" &middot; ").append(Promises.feeLine(d, lang))
                    .append(" &middot; ").append(Words.get("promised", lang)).append(": ").append(Promises.days(d, lang)).append("</p></li>\n");
        }
        b.append("</ul>");
        return Layout.page(request, lang, Words.get("catalogueTitle", lang), b.toString());
    }

    /** @return the catalogue's words, split once per catalogue stamp */
    private CatalogueSearch.Index index(List<CatalogueEntry> entries) {
        long stamp = catalogue.version();
        CatalogueSearch.Index i = index;
        if (i == null || i.stamp() != stamp || i.services().size() != entries.size()) {
            i = CatalogueSearch.Index.of(stamp, entries);
            index = i;
        }
        return i;
    }

    private static String reason(CatalogueEntry e, String lang) {
        DisabledReason why = DisabledReason.of(e.disabledReason());
        return why == null ? "" : ": " + why.html(lang);
    }

    private static String select(String name, String label, Map<String, String> values, String chosen, String lang) {
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(label).append("</label>")
                .append("<select id=\"").append(name).append("\" name=\"").append(name).append("\"><option value=\"\">")
                .append(Words.get("all", lang)).append("</option>");
        values.forEach((v, text) -> b.append("<option value=\"").append(Http.escape(v)).append('"')
                .append(v.equals(chosen) ? " selected" : "").append('>').append(text).append("</option>"));
        return b.append("</select>\n").toString();
    }

    public static boolean matches(CatalogueEntry e, String words) {
        return CatalogueSearch.matches(e, words);
    }
}
