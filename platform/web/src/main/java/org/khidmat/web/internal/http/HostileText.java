package org.khidmat.web.internal.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpException;

/**
 * Text no field may hold, refused at the HTTP edge before it reaches a handler or the store: NUL (PostgreSQL's TEXT
 * cannot hold U+0000, so it failed deep in the store as a 500), the other C0 control characters but tab, line feed and
 * carriage return (which a multi-line field such as an address or a note may hold), and lone surrogates (half of a
 * character, which a JSON {@code \ud800} escape can carry and no encoding can store). Field names are held to the same
 * rule. The answer names the field and the character, never the value.
 */
public final class HostileText {
    private HostileText() {
    }

    /** A form or query field holds text no field may hold: a 400 whose words name the field and the fix. */
    public static final class Refused extends HttpException.RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(400, message);
        }
    }

    /** @return what in {@code s} no field may hold, in words ("a NUL character (U+0000)"), or {@code null} when none */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                return (ch == 0 ? "a NUL character" : "a control character") + " (" + code(ch) + ")";
            }
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "half of a character (a lone surrogate, " + code(ch) + ")";
            }
        }
        return null;
    }

    /** @return the sentence that refuses field {@code name} for {@code problem}; never the value */
    public static String refusal(String name, String problem) {
        return "'" + safeName(name) + "' holds " + problem + ", which no field may hold; remove it and send again";
    }

    /**
     * @param fields decoded form or query fields
     * @throws Refused naming the first field whose name or value no field may hold
     */
    static void check(Map<String, String> fields) {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String bad = problem(f.getKey());
            if (bad != null) {
                throw new Refused("a field's name holds " + bad + "; remove it and send again");
            }
            bad = problem(f.getValue());
            if (bad != null) {
                throw new Refused(refusal(f.getKey(), bad));
            }
        }
    }

    /** @return the name as it may be shown: letters, digits and {@code _.-[]/} only, at most 60 characters */
    static String safeName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 60; i++) {
            char ch = name.charAt(i);
            out.append(ch < 128 && (Character.isLetterOrDigit(ch) || "_.-[]/".indexOf(ch) >= 0) ? ch : '?');
        }
        return out.toString();
    }

    private static String code(char ch) {
        return String.format("U+%04X", (int) ch);
    }
}
