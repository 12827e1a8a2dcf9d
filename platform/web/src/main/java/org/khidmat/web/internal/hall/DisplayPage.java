package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Brand;
import org.khidmat.web.internal.http.Assets;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Words;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;

/**
 * {@code GET /display}: the hall screen, in large type: the latest calls (token, counter, service), newest first
 * and highlighted, and how many wait. {@code /assets/display.js} updates it from {@code /display/events} without
 * reloading; without JavaScript the page refreshes itself every {@value #REFRESH_SECONDS} seconds (a refresh inside
 * {@code <noscript>}, which the CSP allows and browsers with scripts ignore).
 */
final class DisplayPage {
    static final int REFRESH_SECONDS = 10;

    private DisplayPage() {
    }

    static String render(Request request, String lang, HallBoard board) {
        String other = "ur".equals(lang) ? "en" : "ur";
        String back = URLEncoder.encode("/display", StandardCharsets.UTF_8);
        return "<!doctype html>\n<html lang=\"" + lang + "\" dir=\"" + ("ur".equals(lang) ? "rtl" : "ltr") + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HallWords.get("displayTitle", lang) + " - " + Http.escape(Brand.name(lang)) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + Assets.CSS_PATH + "\">" + Brand.styleLink() + "<link rel=\"icon\" href=\"" + Assets.ICON_PATH + "\" type=\"image/svg+xml\">\n"
                + "<script src=\"" + Assets.DISPLAY_JS_PATH + "\" defer></script>\n"
                + "<noscript><meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\"></noscript></head>\n"
                + "<body class=\"hall\"><main id=\"main\">\n<h1>" + HallWords.get("displayTitle", lang) + " <span class=\"centre\" id=\"centre-name\">"
                + Brand.mark(lang) + "</span></h1>\n"
                + "<div aria-live=\"polite\"><table class=\"board\"><thead><tr><th scope=\"col\">" + HallWords.get("token", lang)
                + "</th><th scope=\"col\">" + HallWords.get("counter", lang) + "</th><th scope=\"col\">" + Words.get("service", lang)
                + "</th></tr></thead><tbody id=\"calls\">" + board.rows(lang) + "</tbody></table></div>\n"
                + "<p id=\"no-calls\"" + (board.calls().isEmpty() ? "" : " hidden") + ">" + HallWords.get("noCalls", lang) + "</p>\n"
                + "<p class=\"waiting\">" + HallWords.get("waitingNow", lang) + ": <strong id=\"waiting\">" + board.waiting()
                + "</strong></p>\n<p class=\"hall-lang\"><a id=\"lang-switch\" href=\"/lang?to=" + other + "&amp;back=" + back + "\">"
                + ("ur".equals(other) ? "<span lang=\"ur\">اردو</span>" : "<span lang=\"en\">English</span>") + "</a></p>\n"
                + "</main></body></html>\n";
    }
}
