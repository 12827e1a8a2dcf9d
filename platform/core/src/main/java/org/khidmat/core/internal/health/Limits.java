package org.khidmat.core.internal.health;

/** Reading the checks' settings: a bad or missing value falls back to the default (a typo never stops the centre). */
final class Limits {
    private Limits() {
    }

    static int positive(String value, int fallback) {
        try {
            int v = value == null ? fallback : Integer.parseInt(value.trim());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
