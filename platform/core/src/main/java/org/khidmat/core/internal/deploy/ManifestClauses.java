package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers such as Import-Package into clauses: one or more names, attributes
 * ({@code a=b}) and directives ({@code a:=b}), with quoted values that may hold commas and semicolons.
 */
final class ManifestClauses {

    /** One clause of a header. */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {
    }

    private ManifestClauses() {
    }

    static List<Clause> parse(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int eq = indexOutsideQuotes(part, '=');
                if (eq < 0) {
                    names.add(part.trim());
                } else if (eq > 0 && part.charAt(eq - 1) == ':') {
                    directives.put(part.substring(0, eq - 1).trim(), unquote(part.substring(eq + 1)));
                } else {
                    String key = part.substring(0, eq).trim();
                    int colon = key.indexOf(':');
                    attributes.put(colon < 0 ? key : key.substring(0, colon).trim(), unquote(part.substring(eq + 1)));
                }
            }
            if (!names.isEmpty()) {
                out.add(new Clause(names, attributes, directives));
            }
        }
        return out;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        parts.removeIf(String::isBlank);
        return parts;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
