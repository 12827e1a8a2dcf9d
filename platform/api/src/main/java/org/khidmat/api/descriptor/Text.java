package org.khidmat.api.descriptor;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A text in English and Urdu, and in any further languages the descriptor gives (Sindhi {@code sd}, Pashto
 * {@code ps}, Punjabi {@code pa}, ...), keyed by ISO 639-1 code. A language without its text falls back to English,
 * so adding a language to a centre is adding texts, not changing this type.
 *
 * <p>Made by the descriptor reader, or by {@link #of(Map)}; the two-language constructor is kept for code written
 * against the first form of this type.
 *
 * @param en the English text
 * @param ur the Urdu text, or {@code null} (then Urdu falls back to English)
 * @param others the texts in further languages by ISO 639-1 code (never {@code en} or {@code ur}), in code order;
 *        empty when there are none
 * @since 1.3 for {@code others}
 */
public record Text(String en, String ur, Map<String, String> others) {
    /** The ISO 639-1 codes Java knows, lowercase: the languages a text may be in. */
    private static final Set<String> CODES = Set.copyOf(Arrays.asList(java.util.Locale.getISOLanguages()));

    /**
     * Checks and copies {@code others}.
     *
     * @throws IllegalArgumentException when a key of {@code others} is {@code en}, {@code ur} or not an ISO 639-1
     *         code, or a value is {@code null}
     */
    public Text {
        Map<String, String> copy = new TreeMap<>();
        if (others != null) {
            for (Map.Entry<String, String> e : others.entrySet()) {
                String lang = e.getKey();
                if (!isLanguage(lang) || "en".equals(lang) || "ur".equals(lang)) {
                    throw new IllegalArgumentException("'" + lang + "' is not a further language: write an ISO 639-1"
                            + " code other than en and ur, such as sd, ps or pa");
                }
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("the text in '" + lang + "' is null");
                }
                copy.put(lang, e.getValue());
            }
        }
        others = Collections.unmodifiableMap(copy);
    }

    /**
     * A text in English and Urdu only.
     *
     * @param en the English text
     * @param ur the Urdu text
     */
    public Text(String en, String ur) {
        this(en, ur, Map.of());
    }

    /**
     * @param texts the text by ISO 639-1 code; {@code en} is required
     * @return the text in those languages
     * @throws IllegalArgumentException when {@code en} is missing or a code is not an ISO 639-1 code
     */
    public static Text of(Map<String, String> texts) {
        if (texts == null || texts.get("en") == null) {
            throw new IllegalArgumentException("a text needs its English form (\"en\"), the one every other language"
                    + " falls back to");
        }
        Map<String, String> others = new LinkedHashMap<>(texts);
        others.remove("en");
        others.remove("ur");
        return new Text(texts.get("en"), texts.get("ur"), others);
    }

    /**
     * @param lang a language code
     * @return whether it is an ISO 639-1 code, lowercase, as a text may be keyed by
     */
    public static boolean isLanguage(String lang) {
        return lang != null && CODES.contains(lang);
    }

    /**
     * @param lang an ISO 639-1 code, like {@code ur} or {@code sd}
     * @return the text in that language, or the English text when it has none
     */
    public String in(String lang) {
        String text = "en".equals(lang) ? en : "ur".equals(lang) ? ur : others.get(lang);
        return text == null ? en : text;
    }

    /** @return the languages this text is in: {@code en}, {@code ur} when given, then the others in code order */
    public Set<String> languages() {
        return asMap().keySet();
    }

    /** @return every text by language, English first, then Urdu when given, then the others in code order */
    public Map<String, String> asMap() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("en", en);
        if (ur != null) {
            all.put("ur", ur);
        }
        all.putAll(others);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public String toString() {
        return asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "Text[", "]"));
    }
}
