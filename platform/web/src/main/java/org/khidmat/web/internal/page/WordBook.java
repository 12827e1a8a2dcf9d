package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import org.khidmat.api.Problem;

/**
 * A book of words for a group of citizen pages ({@link Words}, {@link HallWords}, {@link PayWords},
 * {@link FigureWords}), read from the book's language files through {@link Messages}; {@code {0}}, {@code {1}}... in a
 * word are filled in with the values as text (a number is not regrouped or localised), and a word in a language
 * without a file comes in English.
 */
public final class WordBook {
    private final String book;

    public WordBook(String book) {
        this.book = book;
        Messages.of(book, Messages.FALLBACK);
    }

    /** @return whether the book has words for the key */
    boolean has(String key) {
        return Messages.of(book, Messages.FALLBACK).has(key);
    }

    /** @return the word in the language with {@code {i}} replaced by {@code values[i]}, as plain text (not escaped) */
    public String raw(String key, String lang, Object... values) {
        Object[] text = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = String.valueOf(values[i]);
        }
        return Messages.of(book, lang).get(key, text);
    }

    /**
     * @return the word in the language with {@code {i}} replaced by {@code values[i]}, as HTML for element content
     *     ({@link Http#text}: in Urdu a number such as a CNIC, in the word or in a value, reads left to right)
     */
    public String get(String key, String lang, Object... values) {
        return Http.text(raw(key, lang, values), Languages.dir(lang));
    }

    /** @return the word as a problem at a form field (or for the whole form when {@code field} is {@code null}) */
    public Problem problem(String field, String key, Object... values) {
        return Problem.of(field, raw(key, "en", values), raw(key, "ur", values));
    }
}
