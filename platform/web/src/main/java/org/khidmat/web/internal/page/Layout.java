package org.khidmat.web.internal.page;

import gg.jte.Content;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;

/**
 * The frame of every citizen page ({@code page/layout.jte}): language and direction, the skip link, the header with the
 * centre's brand and the language switch, styles and icon, the main landmark, the footer. A page made by a template
 * calls {@code @template.page.layout(frame, title, content)}; a page still made as a string goes through {@link #page}.
 */
public final class Layout {
    public static final String LANG_COOKIE = "khidmat_lang";
    /** A {@code lang} parameter of the page's address, and a {@code ?} or {@code &} it leaves at the end. */
    private static final Pattern LANG_PARAMETER = Pattern.compile("([?&])lang=[^&]*&?");
    private static final Pattern TRAILING = Pattern.compile("[?&]$");

    /**
     * What the frame shows besides the page: its words ({@code w}), the words of the footer's links ({@code pay},
     * {@code figures}), the centre's brand and time, and the language switch: every language the site offers, each with the
     * address that switches to it and back to this page.
     */
    public record Frame(Wording w, Wording pay, Wording figures, Brand brand, CentreTime time, List<Choice> languages) {
    }

    /**
     * A language of the switch, by its own name; {@code id} is {@code lang-switch} for the first other language (the
     * switch of a two-language centre), {@code lang-switch-<lang>} for the others.
     */
    public record Choice(String lang, String name, String href, String id, boolean current) {
    }

    private Layout() {
    }

    /** @return the language of the request's citizen pages ({@link Languages#of}) */
    public static String lang(Request request) {
        return Languages.of(request);
    }

    /** @return the frame of a citizen page of this request in {@code lang} */
    public static Frame frame(Request request, String lang) {
        return frame(request.getHttpURI().getPathQuery(), lang, Site.of(request));
    }

    /** @return the frame of a citizen page at {@code path} (with its query) in {@code lang}, of a centre with no settings */
    public static Frame frame(String path, String lang) {
        return frame(path, lang, Site.defaults());
    }

    /** @return the frame of a citizen page at {@code path} (with its query) in {@code lang} for {@code site} */
    public static Frame frame(String path, String lang, Site site) {
        Wording w = Wording.of(Messages.CITIZEN, lang);
        // back to the same page without its lang parameter, which would override the language just chosen
        String here = path == null ? "/" : TRAILING.matcher(LANG_PARAMETER.matcher(path).replaceAll("$1")).replaceAll("");
        String back = URLEncoder.encode(here, StandardCharsets.UTF_8);
        List<Choice> choices = new ArrayList<>();
        boolean given = false;
        for (String l : site.languages()) {
            boolean current = l.equals(lang);
            String id = current || given ? "lang-switch-" + l : "lang-switch";
            given |= !current;
            choices.add(new Choice(l, Languages.name(l), "/lang?to=" + l + "&back=" + back, id, current));
        }
        return new Frame(w, Wording.of(Messages.PAY, lang), Wording.of(Messages.FIGURES, lang), site.brand(), site.time(),
                List.copyOf(choices));
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
