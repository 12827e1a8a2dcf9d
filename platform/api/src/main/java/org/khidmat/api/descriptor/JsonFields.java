package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The checks every part of a descriptor's reading shares: the value at a key is there, of its type and shape, and
 * a problem is collected with its path ({@code fees[1].amount}) and the descriptor it came from, never thrown.
 */
final class JsonFields {
    /** A lowercase word, or words joined by -: a category, a fee tier, a state. */
    static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Text NO_TEXT = new Text("", "");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    JsonFields(String source) {
        this.source = source;
    }

    List<String> problems() {
        return problems;
    }

    boolean isObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a JSON object");
            return false;
        }
        return true;
    }

    void only(JsonNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                problem(join(path, name), "is not a descriptor field (allowed here: " + String.join(", ", allowed) + ")");
            }
        }
    }

    String string(JsonNode parent, String path, String key, Pattern pattern, String shape) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            problem(p, "is required");
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            problem(p, "must be a non-empty string");
            return null;
        }
        if (pattern != null && !pattern.matcher(n.textValue()).matches()) {
            problem(p, "'" + n.textValue() + "' is not valid: " + shape);
            return null;
        }
        return n.textValue();
    }

    int integer(JsonNode parent, String path, String key, long min, long max, String unit) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            problem(p, "is required");
            return 0;
        }
        if (!n.isIntegralNumber() || n.longValue() < min || n.longValue() > max) {
            problem(p, "must be a whole number from " + min + " to " + max + (unit == null ? "" : " " + unit)
                    + ", not " + n);
            return 0;
        }
        return n.intValue();
    }

    boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problem(join(path, key), "must be true or false, not " + n);
            return fallback;
        }
        return n.booleanValue();
    }

    Text text(JsonNode parent, String path, String key, boolean required) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            if (required) {
                problem(p, "is required: {\"en\": ..., \"ur\": ...}");
            }
            return required ? NO_TEXT : null;
        }
        return textNode(n, p);
    }

    Text textNode(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            problem(path, "must be {\"en\": ..., \"ur\": ...}");
            return NO_TEXT;
        }
        String en = string(n, path, "en", null, null);
        String ur = string(n, path, "ur", null, null);
        Map<String, String> others = new TreeMap<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String lang = it.next();
            if (lang.equals("en") || lang.equals("ur")) {
                continue;
            }
            if (!Text.isLanguage(lang)) {
                problem(join(path, lang), "is not a language: the keys of a text are ISO 639-1 codes, lowercase (en, ur,"
                        + " sd, ps, pa, ...)");
                continue;
            }
            String text = string(n, path, lang, null, null);
            if (text != null) {
                others.put(lang, text);
            }
        }
        return new Text(en, ur, others);
    }

    void problem(String path, String what) {
        problems.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
