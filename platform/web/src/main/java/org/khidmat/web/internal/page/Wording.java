package org.khidmat.web.internal.page;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import org.khidmat.api.Problem;
import org.khidmat.web.internal.http.Http;

/**
 * The words of one book in one language ({@link Messages}) as a citizen template writes them: {@code ${w.say("key")}}
 * for a word, {@code ${w.text(title)}} for any other text (a descriptor's title, a citizen's answer). Both are escaped
 * by jte's own HTML escaping; right to left ({@code language.dir}) each run of digits ({@link Http#runs}) is isolated in {@code <bdi dir="ltr">}, the
 * only markup written here, so a CNIC or a date reads left to right inside right-to-left text. For an attribute or the
 * {@code <title>}, which hold no markup, use {@link #get}.
 */
public final class Wording {
    private final Messages m;

    private Wording(Messages m) {
        this.m = m;
    }

    /**
     * @return the word as a problem at a form field ({@code null}: the whole form), in English and in Urdu, the values
     *     filled in as text ({@link Messages#text})
     */
    public static Problem problem(String book, String field, String key, Object... values) {
        return Problem.of(field, Messages.of(book, "en").text(key, values), Messages.of(book, "ur").text(key, values));
    }

    /** @return the words of {@code book} in {@code lang} (English when the centre has no file for it) */
    public static Wording of(String book, String lang) {
        return new Wording(Messages.of(book, lang));
    }

    public Messages m() {
        return m;
    }

    public String lang() {
        return m.lang();
    }

    /** @return {@code rtl} or {@code ltr} */
    public String dir() {
        return m.dir();
    }

    /** @return the word with the values filled in, as plain text (for attributes and the title) */
    public String get(String key, Object... values) {
        return m.get(key, values);
    }

    /**
     * @return the word with the values filled in, as page text; a word the language's file lacks comes in English,
     *     marked as such ({@code <span lang="en" dir="ltr">}), so it reads left to right on a right-to-left page. A
     *     value that is {@link Content} (a name in another language, marked) is written as it is, inside the word.
     */
    public Content say(String key, Object... values) {
        return say(m, key, values);
    }

    /** @return {@link #say} for the words of {@code m} (the hall's and pay pages' templates, which hold a {@link Messages}) */
    static Content say(Messages m, String key, Object... values) {
        Object[] plain = values.clone();
        Content[] parts = new Content[values.length];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Content c) {
                parts[i] = c;
                plain[i] = HOLE + i + HOLE;
                any = true;
            }
        }
        String s = m.get(key, plain);
        String lang = m.borrowed(key) ? Messages.FALLBACK : m.lang();
        Content said = any ? filled(s, lang, parts) : text(s, lang);
        if (!m.borrowed(key)) {
            return said;
        }
        return out -> {
            out.writeContent("<span lang=\"en\" dir=\"ltr\">");
            said.writeTo(out);
            out.writeContent("</span>");
        };
    }

    /** Marks where a {@link Content} value goes in a word (a private-use character, in no words file). */
    private static final String HOLE = "\uE000";

    /** @return the word's text around the values that are content, the text escaped, the content as it is */
    private static Content filled(String s, String lang, Content[] parts) {
        return out -> {
            String[] pieces = s.split(HOLE, -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i % 2 == 0) {
                    text(pieces[i], lang).writeTo(out);
                } else {
                    parts[Integer.parseInt(pieces[i])].writeTo(out);
                }
            }
        };
    }

    /**
     * @return the text, in the language {@code lang}, as page text of a page in {@code pageLang}: as it is when the
     *     two are one, else in {@code <span lang dir>} so a screen reader and the bidi algorithm read it in its own
     *     language (a centre's name stored in English on an Urdu page)
     */
    public static Content in(String s, String lang, String pageLang) {
        if (lang.equals(pageLang)) {
            return text(s, pageLang);
        }
        Content own = text(s, lang);
        return out -> {
            out.writeContent("<span lang=\"");
            Escape.htmlAttribute(lang, out);
            out.writeContent("\" dir=\"" + Languages.dir(lang) + "\">");
            own.writeTo(out);
            out.writeContent("</span>");
        };
    }

    /** @return any text as page text in this language; nothing for {@code null} */
    public Content text(String s) {
        return text(s, m.lang());
    }

    /** @return the text as page text in {@code lang} (a text in another language than the page's) */
    public static Content text(String s, String lang) {
        return new PageText(s, lang);
    }

    /** Text written escaped, its digit runs isolated in a right-to-left language. */
    private record PageText(String s, String lang) implements Content {
        @Override
        public void writeTo(TemplateOutput out) {
            for (Http.Run r : Http.runs(s, Languages.dir(lang))) {
                if (r.number()) {
                    out.writeContent("<bdi dir=\"ltr\">");
                    Escape.htmlContent(r.text(), out);
                    out.writeContent("</bdi>");
                } else {
                    Escape.htmlContent(r.text(), out);
                }
            }
        }

        @Override
        public boolean isEmptyContent() {
            return s == null || s.isEmpty();
        }
    }
}
