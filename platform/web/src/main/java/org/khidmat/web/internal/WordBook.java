package org.khidmat.web.internal;

import java.util.HashMap;
import java.util.Map;

/** A book of words in English and Urdu, for a group of citizen pages; {@code {n}} in a word is filled in by the caller. */
final class WordBook {
    private final Map<String, String[]> words = new HashMap<>();

    WordBook w(String key, String en, String ur) {
        if (words.put(key, new String[] {en, ur}) != null) {
            throw new IllegalArgumentException("two words for " + key);
        }
        return this;
    }

    /** @return the word in the language, not escaped */
    String raw(String key, String lang) {
        String[] w = words.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no words for " + key);
        }
        return "ur".equals(lang) ? w[1] : w[0];
    }

    /** @return the word in the language, HTML-escaped */
    String get(String key, String lang) {
        return Http.escape(raw(key, lang));
    }

    /** @return the word in the language with {@code {n}} replaced by {@code n}, HTML-escaped */
    String get(String key, String lang, Object n) {
        return Http.escape(raw(key, lang).replace("{n}", String.valueOf(n)));
    }

    /** @return the word as a problem at a form field (or for the whole form when {@code field} is {@code null}) */
    org.khidmat.api.Problem problem(String field, String key) {
        return org.khidmat.api.Problem.of(field, raw(key, "en"), raw(key, "ur"));
    }

    /** @return the word as a problem, with {@code {n}} replaced by {@code n} */
    org.khidmat.api.Problem problem(String field, String key, Object n) {
        return org.khidmat.api.Problem.of(field, raw(key, "en").replace("{n}", String.valueOf(n)),
                raw(key, "ur").replace("{n}", String.valueOf(n)));
    }
}
