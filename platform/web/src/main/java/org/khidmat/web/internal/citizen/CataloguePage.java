package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.Prepared;
import org.khidmat.web.internal.http.PreparedCache;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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
        String variant = lang + ' ' + Site.of(request).brand().stamp() + ' ' + request.getHttpURI().getPathQuery();
        cache.get(stamp, variant, () -> Prepared.of(render(request, lang).getBytes(StandardCharsets.UTF_8), Prepared.HTML,
                "private, no-cache", "Accept-Encoding, Cookie", null)).send(request, response, callback);
    }

    /**
     * What {@code citizen/catalogue.jte} shows: the search asked for, the filters' choices (code to name in the page's
     * language), the ways to browse (on the unfiltered page only), the services found, and past {@link #GROUP_OVER}
     * on the unfiltered page their titles by category ({@code groups}, else empty).
     */
    record View(String words, String category, String agency, String event, Map<String, String> categories,
            Map<String, String> agencies, CatalogueBrowse browse, List<CatalogueEntry> shown, List<CatalogueGroups.Group> groups) {
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
            categories.put(e.descriptor().category(), topic(e.descriptor().category(), lang));
            agencies.put(e.descriptor().agency().code(), e.descriptor().agency().name().in(lang));
        }
        boolean everything = words.isEmpty() && category.isEmpty() && agency.isEmpty() && event.isEmpty();
        View v = new View(words, category, agency, LifeEvents.EVENTS.containsKey(event) ? event : null, categories, agencies,
                everything ? CatalogueBrowse.of(open) : null, shown,
                everything && shown.size() > GROUP_OVER ? CatalogueGroups.of(shown) : List.of());
        return Layout.render(request, lang, "citizen/catalogue.jte", v);
    }

    /** @return a category's name in the language, as plain text; a category without words keeps its own name */
    static String topic(String category, String lang) {
        return Messages.of(Messages.HALL, lang).getOr("cat." + category, category);
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

    public static boolean matches(CatalogueEntry e, String words) {
        return CatalogueSearch.matches(e, words);
    }
}
