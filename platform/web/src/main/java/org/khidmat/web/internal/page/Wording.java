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
     *     marked as such ({@code <span lang="en" dir="ltr">}), so it reads left to right on a right-to-left page
     */
    public Content say(String key, Object... values) {
        String s = m.get(key, values);
        if (!m.borrowed(key)) {
            return text(s);
        }
        Content english = text(s, Messages.FALLBACK);
        return out -> {
            out.writeContent("<span lang=\"en\" dir=\"ltr\">");
            english.writeTo(out);
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
