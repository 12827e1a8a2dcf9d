package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Assets;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;

/** The frame of every citizen page: language and direction, the language switch, styles, the main landmark. */
public final class Layout {
    public static final String LANG_COOKIE = "khidmat_lang";

    private Layout() {
    }

    /** @return {@code ur} or {@code en}, from the {@code lang} query parameter or the remembered cookie */
    public static String lang(Request request) {
        String q = Exchange.query(request).get("lang");
        if ("ur".equals(q) || "en".equals(q)) {
            return q;
        }
        return "ur".equals(Exchange.cookie(request, LANG_COOKIE)) ? "ur" : "en";
    }

    public static String page(Request request, String lang, String title, String body) {
        String path = request.getHttpURI().getPathQuery();
        String other = "ur".equals(lang) ? "en" : "ur";
        String switchTo = "ur".equals(other) ? "<span lang=\"ur\">اردو</span>" : "<span lang=\"en\">English</span>";
        // back to the same page without its lang parameter, which would override the language just chosen
        String here = path == null ? "/" : path.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
        String back = URLEncoder.encode(here, StandardCharsets.UTF_8);
        return "<!doctype html>\n<html lang=\"" + lang + "\" dir=\"" + ("ur".equals(lang) ? "rtl" : "ltr") + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + " - " + Http.escape(Brand.name(lang)) + "</title>\n<link rel=\"stylesheet\" href=\"" + Assets.CSS_PATH + "\">" + Brand.styleLink() + "<link rel=\"icon\" href=\"" + Assets.ICON_PATH + "\" type=\"image/svg+xml\"></head>\n"
                + "<body><a class=\"skip\" href=\"#main\">" + Words.get("skip", lang) + "</a>\n"
                + "<header><a href=\"/\" id=\"centre-name\">" + Brand.mark(lang) + "</a>"
                + "<nav aria-label=\"" + Words.get("language", lang) + "\"><a id=\"lang-switch\" href=\"/lang?to=" + other
                + "&amp;back=" + Http.escape(back) + "\">" + switchTo + "</a> &middot; <a href=\"/track\">"
                + Words.get("track", lang) + "</a></nav></header>\n"
                + "<div class=\"wrap\"><main id=\"main\">\n" + body + "\n</main></div>\n" + footer(lang) + "</body></html>\n";
    }

    /** The links every citizen page ends with: what can be done after applying, and the open figures. */
    private static String footer(String lang) {
        return "<footer class=\"wrap\"><a href=\"/pay\">" + PayWords.get("payFee", lang) + "</a> &middot; <a href=\"/receipt\">"
                + PayWords.get("getReceipt", lang) + "</a> &middot; <a href=\"/rate\">" + PayWords.get("rateShort", lang)
                + "</a> &middot; <a href=\"/figures\" id=\"figures-link\">" + FigureWords.get("figures", lang) + "</a></footer>\n";
    }
}
