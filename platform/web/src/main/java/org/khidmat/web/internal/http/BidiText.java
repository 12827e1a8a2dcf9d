package org.khidmat.web.internal.http;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.regex.Matcher;

/**
 * Text for a template's element content, escaped by jte like any {@code ${...}}, where on a right-to-left page each run
 * of digits joined by hyphens, slashes, dots or colons (a CNIC, a date, a time) is put in {@code <bdi dir="ltr">}, as
 * {@link Http#text} does for Urdu: else the bidi algorithm shows {@code 61101-1234567-1} as {@code 1-1234567-61101}.
 * The only markup written is that element; every character of the text goes through jte's escaping. Not for attributes
 * (there jte escapes the element too): write plain text there.
 */
public final class BidiText implements Content {
    private final String text;
    private final boolean rtl;

    private BidiText(String text, boolean rtl) {
        this.text = text;
        this.rtl = rtl;
    }

    /** @param dir the page's direction, {@code rtl} or {@code ltr} */
    public static BidiText of(String text, String dir) {
        return new BidiText(text, "rtl".equals(dir));
    }

    @Override
    public void writeTo(TemplateOutput out) {
        if (text == null) {
            return;
        }
        if (!rtl) {
            out.writeUserContent(text);
            return;
        }
        Matcher m = Http.NUMBER_RUN.matcher(text);
        int at = 0;
        while (m.find()) {
            out.writeUserContent(text.substring(at, m.start()));
            out.writeContent("<bdi dir=\"ltr\">");
            out.writeUserContent(m.group());
            out.writeContent("</bdi>");
            at = m.end();
        }
        out.writeUserContent(text.substring(at));
    }

    @Override
    public boolean isEmptyContent() {
        return text == null || text.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }
}
