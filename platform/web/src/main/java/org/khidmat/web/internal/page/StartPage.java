package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import org.eclipse.jetty.server.Request;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.CatalogueEntry;

/** A service's start page, its "temporarily unavailable" page, and the page for what is not there. */
public final class StartPage {
    private StartPage() {
    }

    public static String render(Request request, String lang, CatalogueEntry e) {
        ServiceDescriptor d = e.descriptor();
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"/\">").append(Words.get("back", lang)).append("</a></p>")
                .append("<h1>").append(Http.text(d.title().in(lang), lang)).append("</h1>\n")
                .append("<p class=\"meta\">").append(Http.text(d.agency().name().in(lang), lang)).append("</p>\n")
                .append("<p>").append(Http.text(d.summary().in(lang), lang)).append("</p>\n");
        if (d.eligibility() != null) {
            b.append("<h2>").append(Words.get("whoCan", lang)).append("</h2><p>").append(Http.text(d.eligibility().in(lang), lang))
                    .append("</p>\n");
        }
        if (!d.documents().isEmpty()) {
            b.append("<h2>").append(Words.get("documents", lang)).append("</h2><ul>");
            for (Text t : d.documents()) {
                b.append("<li>").append(Http.text(t.in(lang), lang)).append("</li>");
            }
            b.append("</ul>\n");
        }
        b.append("<h2>").append(Words.get("fees", lang)).append("</h2><table id=\"fees\"><thead><tr><th scope=\"col\">")
                .append(Words.get("tier", lang)).append("</th><th scope=\"col\">").append(Words.get("fee", lang))
                .append("</th><th scope=\"col\">").append(Words.get("time", lang)).append("</th></tr></thead><tbody>");
        for (FeeTier f : d.fees()) {
            b.append("<tr><td>").append(Http.text(f.title().in(lang), lang)).append("</td><td>").append(Promises.fee(f.amount(), lang))
                    .append("</td><td>").append(Promises.days(f.days(), lang)).append("</td></tr>");
        }
        b.append("</tbody></table>\n<p>").append(Words.get("promised", lang)).append(": ")
                .append(Promises.days(d, lang)).append("</p>\n")
                .append("<form method=\"post\" action=\"/services/").append(Http.escape(d.id())).append("/start\">")
                .append("<button type=\"submit\" id=\"start\">").append(Words.get("start", lang)).append(" &rsaquo;</button></form>");
        return Layout.page(request, lang, Http.escape(d.title().in(lang)), b.toString());
    }

    public static String unavailable(Request request, String lang, CatalogueEntry e) {
        StringBuilder b = new StringBuilder("<h1 id=\"unavailable\">").append(Words.get("unavailable", lang)).append("</h1>")
                .append("<p>").append(Http.text(e.descriptor().title().in(lang), lang)).append("</p><p>")
                .append(Words.get("unavailableText", lang)).append("</p>");
        DisabledReason why = DisabledReason.of(e.disabledReason());
        if (why != null) {
            b.append("<p id=\"reason\">").append(Words.get("reason", lang)).append(": ").append(why.html(lang)).append("</p>");
        }
        b.append("<p><a href=\"/\">").append(Words.get("back", lang)).append("</a></p>");
        return Layout.page(request, lang, Words.get("unavailable", lang), b.toString());
    }

    public static String notFound(Request request, String lang) {
        return Layout.page(request, lang, Words.get("notFound", lang), "<h1>" + Words.get("notFound", lang) + "</h1><p>"
                + Words.get("notFoundText", lang) + "</p><p><a href=\"/\">" + Words.get("back", lang) + "</a></p>");
    }
}
