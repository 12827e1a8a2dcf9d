package org.khidmat.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.server.Request;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/** The catalogue at {@code /}: every enabled service, searchable by words in English and Urdu, filtered by category and agency. */
final class CataloguePage {
    private final Catalogue catalogue;

    CataloguePage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String render(Request request, String lang) {
        Map<String, String> q = Exchange.query(request);
        String words = q.getOrDefault("q", "").strip();
        String category = q.getOrDefault("category", "");
        String agency = q.getOrDefault("agency", "");
        List<CatalogueEntry> open = catalogue.services().stream().filter(CatalogueEntry::enabled).toList();
        List<CatalogueEntry> shown = open.stream()
                .filter(e -> category.isEmpty() || e.descriptor().category().equals(category))
                .filter(e -> agency.isEmpty() || e.descriptor().agency().code().equals(agency))
                .filter(e -> matches(e.descriptor(), words)).toList();
        Map<String, String> categories = new TreeMap<>();
        Map<String, String> agencies = new TreeMap<>();
        for (CatalogueEntry e : open) {
            categories.put(e.descriptor().category(), e.descriptor().category());
            agencies.put(e.descriptor().agency().code(), e.descriptor().agency().name().in(lang));
        }
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Words.get("catalogueTitle", lang)).append("</h1>\n")
                .append("<form method=\"get\" action=\"/\" role=\"search\">\n")
                .append("<label for=\"q\">").append(Words.get("searchLabel", lang)).append("</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").append(Http.escape(words)).append("\">\n")
                .append(select("category", Words.get("category", lang), categories, category, lang))
                .append(select("agency", Words.get("agency", lang), agencies, agency, lang))
                .append("<button type=\"submit\" id=\"search\">").append(Words.get("search", lang)).append("</button></form>\n")
                .append("<p id=\"count\" role=\"status\">").append(shown.size()).append(' ').append(Words.get("found", lang))
                .append("</p>\n");
        if (shown.isEmpty()) {
            b.append("<p>").append(Words.get("none", lang)).append("</p>");
        }
        b.append("<ul class=\"services\">\n");
        for (CatalogueEntry e : shown) {
            ServiceDescriptor d = e.descriptor();
            b.append("<li class=\"service\"><h2><a href=\"/services/")
                    .append(Http.escape(d.id())).append("\">").append(Http.text(d.title().in(lang), lang)).append("</a></h2>")
                    .append("<p class=\"summary-text\">").append(Http.text(d.summary().in(lang), lang)).append("</p>")
                    .append("<p class=\"meta\">").append(Words.get("agency", lang)).append(": ")
                    .append(Http.text(d.agency().name().in(lang), lang)).append(" &middot; ").append(Words.get("feeFrom", lang))
                    .append(' ').append(Words.get("rs", lang)).append(' ').append(d.lowestFee().amount()).append(" &middot; ")
                    .append(Words.get("promised", lang)).append(": ").append(days(d, lang)).append("</p></li>\n");
        }
        b.append("</ul>");
        return Layout.page(request, lang, Words.get("catalogueTitle", lang), b.toString());
    }

    static String days(ServiceDescriptor d, String lang) {
        int min = d.fees().stream().mapToInt(FeeTier::days).min().orElse(0);
        int max = d.fees().stream().mapToInt(FeeTier::days).max().orElse(0);
        return (min == max ? Integer.toString(min) : min + "&ndash;" + max) + " " + Words.get("days", lang);
    }

    private static String select(String name, String label, Map<String, String> values, String chosen, String lang) {
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(label).append("</label>")
                .append("<select id=\"").append(name).append("\" name=\"").append(name).append("\"><option value=\"\">")
                .append(Words.get("all", lang)).append("</option>");
        values.forEach((v, text) -> b.append("<option value=\"").append(Http.escape(v)).append('"')
                .append(v.equals(chosen) ? " selected" : "").append('>').append(Http.escape(text)).append("</option>"));
        return b.append("</select>\n").toString();
    }

    static boolean matches(ServiceDescriptor d, String words) {
        if (words.isBlank()) {
            return true;
        }
        String hay = String.join(" ", d.id(), d.category(), d.title().en(), d.title().ur(), d.summary().en(),
                d.summary().ur(), d.agency().code(), d.agency().name().en(), d.agency().name().ur()).toLowerCase(Locale.ROOT);
        for (String w : words.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
