package org.khidmat.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;

/** The frame of every citizen page: language and direction, the language switch, styles, the main landmark. */
final class Layout {
    static final String LANG_COOKIE = "khidmat_lang";
    private static final String CSS = """
            body{font-family:system-ui,"Noto Nastaliq Urdu",sans-serif;margin:0;line-height:1.5;color:#0b0c0c;background:#fff}
            header{background:#0b3d2e;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center}
            header a{color:#fff}.wrap{max-width:48rem;margin:0 auto;padding:1rem}
            a{color:#1d4f91}a:focus,input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #fd0;outline-offset:0}
            .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c}
            label,legend{display:block;font-weight:600;margin-top:1rem}.hint{color:#484949;display:block}
            input[type=text],input[type=search],textarea,select{font:inherit;padding:.4rem;border:2px solid #0b0c0c;width:100%;max-width:30rem;box-sizing:border-box}
            fieldset{border:0;padding:0;margin:0}.choice{margin:.3rem 0}.choice label{display:inline;font-weight:400}
            button,.button{font:inherit;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;margin-top:1rem;cursor:pointer;text-decoration:none;display:inline-block}
            .summary{border:4px solid #b00;padding:1rem;margin-bottom:1rem}.summary a{color:#b00;font-weight:600}
            .field-error{border-left:4px solid #b00;padding-left:.8rem}.message{color:#b00;font-weight:600;display:block}
            .error input,.field-error input,.field-error textarea{border-color:#b00}
            table{border-collapse:collapse;width:100%}th,td{text-align:start;border-bottom:1px solid #b1b4b6;padding:.4rem}
            .ref{font-size:2rem;font-weight:700;letter-spacing:.1em}.panel{background:#00703c;color:#fff;padding:1rem;text-align:center}
            .service{border-bottom:1px solid #b1b4b6;padding:.6rem 0}.meta{color:#484949}
            """;

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
                + "<title>" + title + " - " + Words.get("centre", lang) + "</title>\n<style>" + CSS + "</style></head>\n"
                + "<body><a class=\"skip\" href=\"#main\">" + Words.get("skip", lang) + "</a>\n"
                + "<header><a href=\"/\">" + Words.get("centre", lang) + "</a>"
                + "<nav aria-label=\"" + Words.get("language", lang) + "\"><a id=\"lang-switch\" href=\"/lang?to=" + other
                + "&amp;back=" + Http.escape(back) + "\">" + switchTo + "</a> &middot; <a href=\"/track\">"
                + Words.get("track", lang) + "</a></nav></header>\n"
                + "<div class=\"wrap\"><main id=\"main\">\n" + body + "\n</main></div></body></html>\n";
    }
}
