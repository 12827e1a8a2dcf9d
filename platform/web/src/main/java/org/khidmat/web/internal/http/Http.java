package org.khidmat.web.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing answers: JSON, HTML and plain errors, always with a content type and never a stack trace. */
public final class Http {
    /**
     * Digits joined by hyphens, slashes, dots or colons, at least one: a CNIC {@code 61101-1234567-1}, a phone number
     * {@code 0300-1234567}, a date {@code 2026-11-22}, a time {@code 10:30}. Not a run that touches a letter or digit outside
     * the Arabic script (in which Urdu is written), directly or across one separator, as in {@code APP-2026-000123} or
     * {@code G-9/3}: the Latin letters already make such a code read left to right, and isolating its digits alone
     * would move them to the other side of the letters.
     */
    static final Pattern NUMBER_RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}&&[^\\p{IsArabic}]][-/.:]?)(?:[0-9]+(?:[-/.:][0-9]+)+"
            // a reference or a token (KM7Q-4XPA-K, A-017): capitals and digits joined by hyphens, whole
            + "|(?=[A-Z0-9-]*[0-9])[A-Z0-9]+(?:-[A-Z0-9]+)+|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9])"
            + "(?![-/.:]?[\\p{L}\\p{N}&&[^\\p{IsArabic}]])");

    private Http() {
    }

    public static void json(Response response, Callback callback, int status, Object body) {
        byte[] bytes = JsonOut.bytes(body);
        send(response, callback, status, "application/json; charset=utf-8", bytes);
    }

    public static void error(Response response, Callback callback, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        json(response, callback, status, body);
    }

    public static void html(Response response, Callback callback, int status, String page) {
        send(response, callback, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] bytes) {
        response.setStatus(status);
        if (status >= 400 && !response.getRequest().consumeAvailable()) {
            // refused before its body was read, and the body has not all arrived: Jetty will close this
            // connection once the answer is out, so the answer says so, and the client sends its next request on
            // a new connection instead of on this one after it is closed
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** @return the text with {@code < > & " '} escaped, for element content and attribute values; {@code ""} for null */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(out, s, 0, s.length());
        return out.toString();
    }

    /**
     * The text of a page in a language written in direction {@code dir}, escaped for element content. Right to left (Urdu,
     * or any language whose words file says {@code language.dir=rtl}) each run of digits joined by hyphens,
     * slashes, dots or colons ({@link #NUMBER_RUN}) is put in {@code <bdi dir="ltr">}: in right-to-left text the bidi
     * algorithm turns digits after Urdu letters into Arabic numbers, and a hyphen between those is not joined to them,
     * so {@code 61101-1234567-1} would show as {@code 1-1234567-61101}. English comes out as {@link #escape} makes it.
     * Not for attribute values or {@code <title>}, which cannot hold markup: use {@link #escape} there.
     *
     * @return the text as HTML; {@code ""} for null
     */
    public static String text(String s, String dir) {
        if (s == null || !"rtl".equals(dir)) {
            return escape(s);
        }
        Matcher m = NUMBER_RUN.matcher(s);
        if (!m.find()) {
            return escape(s);
        }
        StringBuilder out = new StringBuilder(s.length() + 32);
        int at = 0;
        do {
            escape(out, s, at, m.start());
            out.append("<bdi dir=\"ltr\">");
            escape(out, s, m.start(), m.end());
            out.append("</bdi>");
            at = m.end();
        } while (m.find());
        escape(out, s, at, s.length());
        return out.toString();
    }

    /** A piece of page text: a run of digits to read left to right ({@link #text}), or the words around it. */
    public record Run(String text, boolean number) {
    }

    /**
     * @return the text split as {@link #text} splits it: in Urdu the runs of digits apart (with {@code number} true),
     *     else the text as one run; empty for null, so a template writes each run escaped and isolates the numbers
     */
    public static List<Run> runs(String s, String dir) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        Matcher m = "rtl".equals(dir) ? NUMBER_RUN.matcher(s) : null;
        if (m == null || !m.find()) {
            return List.of(new Run(s, false));
        }
        List<Run> out = new ArrayList<>();
        int at = 0;
        do {
            if (m.start() > at) {
                out.add(new Run(s.substring(at, m.start()), false));
            }
            out.add(new Run(m.group(), true));
            at = m.end();
        } while (m.find());
        if (at < s.length()) {
            out.add(new Run(s.substring(at), false));
        }
        return out;
    }

    private static void escape(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
