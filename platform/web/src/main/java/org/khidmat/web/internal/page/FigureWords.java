package org.khidmat.web.internal.page;

/**
 * The words of the open figures page, in English and Urdu. Dates inside Urdu text are wrapped in left-to-right
 * isolates (U+2066 ... U+2069), so that right-to-left text does not turn 2026-01-31 into 31-01-2026.
 */
public final class FigureWords {
    public static final WordBook BOOK = new WordBook(Messages.FIGURES);

    private FigureWords() {
    }

    public static String get(String key, String lang) {
        return BOOK.get(key, lang);
    }

    public static String get(String key, String lang, Object n) {
        return BOOK.get(key, lang, n);
    }
}
