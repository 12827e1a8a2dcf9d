package org.khidmat.web.internal.page;

/** The citizen pages' own words, in English and Urdu. */
public final class Words {
    private static final WordBook BOOK = new WordBook(Messages.CITIZEN);

    private Words() {
    }

    /** @return the word in the language, as HTML for element content ({@link WordBook#get}) */
    public static String get(String key, String lang, Object... values) {
        return BOOK.get(key, lang, values);
    }
}
