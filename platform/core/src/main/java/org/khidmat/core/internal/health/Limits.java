package org.khidmat.core.internal.health;

/** Reading the framework properties the checks need: a missing value falls back to the default. */
final class Limits {
    private Limits() {
    }

    static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
