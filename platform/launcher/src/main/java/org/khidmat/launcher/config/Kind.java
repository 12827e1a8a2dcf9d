package org.khidmat.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of a setting: how a value is read from JSON or from text (an environment variable, the old
 * {@code centre.properties}), checked, and handed to Config Admin. A value that does not fit throws
 * {@link IllegalArgumentException} whose message says what is wanted.
 */
enum Kind {
    /** a whole number in the setting's range; Config Admin gets an Integer */
    NUMBER,
    /** true or false */
    FLAG,
    /** any text, blank allowed */
    TEXT,
    /** text that is not blank */
    NAME,
    /** a time of day as HH:mm */
    TIME,
    /** an IANA time zone, like Asia/Karachi */
    ZONE,
    /** #rrggbb */
    COLOUR,
    /** a short code: lowercase letters, digits and '-', at most 32 characters, such as a centre's id */
    CODE,
    /** a list of strings (JSON array, or comma-separated text); Config Admin gets a String[] */
    LIST,
    /** week days as three letters (JSON array, or comma-separated text) */
    DAYS;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern CODE_TEXT = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final List<String> WEEK = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    Object fromJson(JsonNode node, Setting s) {
        return switch (this) {
            case NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                yield range(node.intValue(), s);
            }
            case FLAG -> {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                yield node.booleanValue();
            }
            case LIST, DAYS -> {
                if (!node.isArray()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                List<String> items = new ArrayList<>();
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw new IllegalArgumentException(wanted(s));
                    }
                    items.add(item.textValue());
                }
                yield list(items, s);
            }
            default -> {
                if (!node.isTextual()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                yield fromText(node.textValue(), s);
            }
        };
    }

    Object fromText(String text, Setting s) {
        String v = text.strip();
        switch (this) {
            case NUMBER:
                try {
                    return range(Integer.parseInt(v), s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(wanted(s));
                }
            case FLAG:
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException(wanted(s));
            case LIST:
            case DAYS:
                List<String> items = new ArrayList<>();
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        items.add(part);
                    }
                }
                return list(items, s);
            case NAME:
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                return v;
            case TIME:
                try {
                    return LocalTime.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(wanted(s));
                }
            case ZONE:
                try {
                    return ZoneId.of(v).getId();
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(wanted(s));
                }
            case COLOUR:
                if (!HEX.matcher(v).matches()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                return v.toLowerCase(Locale.ROOT);
            case CODE:
                if (!CODE_TEXT.matcher(v).matches()) {
                    throw new IllegalArgumentException(wanted(s));
                }
                return v;
            default:
                return v;
        }
    }

    private String[] list(List<String> items, Setting s) {
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            String item = items.get(i).strip();
            if (this == DAYS) {
                item = item.toUpperCase(Locale.ROOT);
                if (item.length() < 3 || !WEEK.contains(item.substring(0, 3))) {
                    throw new IllegalArgumentException(wanted(s));
                }
                item = item.substring(0, 3);
            }
            out[i] = item;
        }
        return out;
    }

    private static int range(int n, Setting s) {
        if (n < s.min() || n > s.max()) {
            throw new IllegalArgumentException(wanted(s));
        }
        return n;
    }

    /** @return what a value of this setting must be, as the fix to a wrong one */
    static String wanted(Setting s) {
        return switch (s.kind()) {
            case NUMBER -> "a whole number from " + s.min() + " to " + s.max() + " (no quotes)";
            case FLAG -> "true or false (no quotes)";
            case TEXT -> "text in quotes";
            case NAME -> "text in quotes, not blank";
            case TIME -> "a time in quotes like \"09:00\"";
            case ZONE -> "a time zone in quotes like \"Asia/Karachi\"";
            case COLOUR -> "a colour in quotes like \"#006600\"";
            case CODE -> "a code in quotes like \"isb-g11\": lowercase letters, digits and '-', at most 32";
            case LIST -> "a list of texts like [\"a\", \"b\"] (comma-separated in an environment variable)";
            case DAYS -> "a list of week days like [\"MON\", \"TUE\"]";
        };
    }
}
