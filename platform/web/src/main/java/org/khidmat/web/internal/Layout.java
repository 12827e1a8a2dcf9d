package org.khidmat.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;

/** The frame of every citizen page: language and direction, the language switch, styles, the main landmark. */
final class Layout {
    static final String LANG_COOKIE = "khidmat_lang";

    private Layout() {
    }

    /** @return {@code ur} or {@code en}, from the {@code lang} query parameter or the remembered cookie */
    static String lang(Request request) {
        String q = Exchange.query(request).get("lang");
        if ("ur".equals(q) || "en".equals(q)) {
            return q;
        }
        return "ur".equals(Exchange.cookie(request, LANG_COOKIE)) ? "ur" : "en";
    }

    static String page(Request request, String lang, String title, String body) {
        String path = request.getHttpURI().getPathQuery();
        String other = "ur".equals(lang) ? "en" : "ur";
        String switchTo = "ur".equals(other) ? "<span lang=\"ur\">اردو</span>" : "<span lang=\"en\">English</span>";
        String back = URLEncoder.encode(path == null ? "/" : path, StandardCharsets.UTF_8);
        return "<!doctype html>\n<html lang=\"" + lang + "\" dir=\"" + ("ur".equals(lang) ? "rtl" : "ltr") + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + " - " + Words.get("centre", lang) + "</title>\n<link rel=\"stylesheet\" href=\"" + Assets.CSS_PATH + "\"></head>\n"
                + "<body><a class=\"skip\" href=\"#main\">" + Words.get("skip", lang) + "</a>\n"
                + "<header><a href=\"/\">" + Words.get("centre", lang) + "</a>"
                + "<nav aria-label=\"" + Words.get("language", lang) + "\"><a id=\"lang-switch\" href=\"/lang?to=" + other
                + "&amp;back=" + Http.escape(back) + "\">" + switchTo + "</a> &middot; <a href=\"/track\">"
                + Words.get("track", lang) + "</a></nav></header>\n"
                + "<div class=\"wrap\"><main id=\"main\">\n" + body + "\n</main></div></body></html>\n";
    }
}
