package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;

import gg.jte.Content;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * The frame of every citizen page ({@code page/layout.jte}): language and direction, the skip link, the header with the
 * centre's brand and the language switch, styles and icon, the main landmark, the footer. A page made by a template
 * calls {@code @template.page.layout(frame, title, content)}; a page still made as a string goes through {@link #page}.
 */
public final class Layout {
    public static final String LANG_COOKIE = "khidmat_lang";

    /**
     * What the frame shows besides the page: its words ({@code w}), the words of the footer's links ({@code pay},
     * {@code figures}), the other language and the address that switches to it and back to this page.
     */
    public record Frame(Wording w, Wording pay, Wording figures, String other, String otherName, String switchBack) {
    }

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

    /** @return the frame of a citizen page of this request in {@code lang} */
    public static Frame frame(Request request, String lang) {
        return frame(request.getHttpURI().getPathQuery(), lang);
    }

    /** @return the frame of a citizen page at {@code path} (with its query) in {@code lang} */
    public static Frame frame(String path, String lang) {
        String other = "ur".equals(lang) ? "en" : "ur";
        // back to the same page without its lang parameter, which would override the language just chosen
        String here = path == null ? "/" : path.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return new Frame(Wording.of(Messages.CITIZEN, lang), Wording.of(Messages.PAY, lang), Wording.of(Messages.FIGURES, lang),
                other, Messages.of(Messages.CITIZEN, other).get("language.name"), URLEncoder.encode(here, StandardCharsets.UTF_8));
    }

    /** @return a page of a citizen template ({@code citizen/start.jte}) with its view, framed for this request */
    public static String render(Request request, String lang, String template, Object view) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(request, lang));
        params.put("v", view);
        return Templates.render(template, params);
    }

    /**
     * A page still made as a string in the frame.
     *
     * @param title the title, HTML already escaped by the caller
     * @param body the page's content, HTML made by the caller
     */
    public static String page(Request request, String lang, String title, String body) {
        return page(frame(request, lang), title, body);
    }

    static String page(Frame frame, String title, String body) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame);
        params.put("title", made(title));
        params.put("content", made(body));
        return Templates.render("page/layout.jte", params);
    }

    /** @return HTML the calling Java code made (and escaped) itself, for the frame's string-made pages only */
    static Content made(String html) {
        return out -> out.writeContent(html);
    }
}
