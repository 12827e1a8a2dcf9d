package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import java.util.HashMap;
import java.util.Map;
import org.khidmat.api.Problem;

/**
 * A book of words in English and Urdu for a group of citizen pages ({@link Words}, {@link HallWords},
 * {@link PayWords}, {@link FigureWords}); {@code {0}}, {@code {1}}... in a word are filled in by the caller.
 */
public final class WordBook {
    private final Map<String, String[]> words = new HashMap<>();

    public WordBook w(String key, String en, String ur) {
        if (words.put(key, new String[] {en, ur}) != null) {
            throw new IllegalArgumentException("two words for " + key);
        }
        return this;
    }

    /** @return whether the book has words for the key */
    boolean has(String key) {
        return words.containsKey(key);
    }

    /** @return the word in the language with {@code {i}} replaced by {@code values[i]}, as plain text (not escaped) */
    public String raw(String key, String lang, Object... values) {
        String[] w = words.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no words for " + key);
        }
        String s = "ur".equals(lang) ? w[1] : w[0];
        for (int i = 0; i < values.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return s;
    }

    /**
     * @return the word in the language with {@code {i}} replaced by {@code values[i]}, as HTML for element content
     *     ({@link Http#text}: in Urdu a number such as a CNIC, in the word or in a value, reads left to right)
     */
    public String get(String key, String lang, Object... values) {
        return Http.text(raw(key, lang, values), lang);
    }

    /** @return the word as a problem at a form field (or for the whole form when {@code field} is {@code null}) */
    public Problem problem(String field, String key, Object... values) {
        return Problem.of(field, raw(key, "en", values), raw(key, "ur", values));
    }
}
