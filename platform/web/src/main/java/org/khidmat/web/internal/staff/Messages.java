package org.khidmat.web.internal.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff consoles' words in one language, read from {@code messages_<lang>.properties} (UTF-8) beside this class;
 * a key missing in a language comes in English. A word is a {@link MessageFormat} pattern: {@code {0}} takes a value,
 * {@code {0,choice,0#...|1#...|1<...}} chooses the plural form (one and other for English and Urdu, as CLDR has
 * them), and a quote is written {@code ''}. Adding a language is adding its file ({@link Languages} finds it); the file
 * names the language ({@code language.name}) and its direction ({@code language.dir}).
 */
final class Messages {
    static final String FALLBACK = "en";
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();
    private final String lang;
    private final Locale locale;
    private final Properties words;
    private final Properties english;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(String lang, Properties words, Properties english) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
        this.words = words;
        this.english = english;
    }

    /** @return the words of {@code lang}, or English when the centre has no file for it */
    static Messages of(String lang) {
        String l = lang != null && Languages.available().contains(lang) ? lang : FALLBACK;
        return LOADED.computeIfAbsent(l, k -> new Messages(k, read(k), k.equals(FALLBACK) ? read(k) : of(FALLBACK).words));
    }

    /** @return the raw words of a language file, for checks */
    static Properties read(String lang) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("no messages_" + lang + ".properties beside " + Messages.class.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    String lang() {
        return lang;
    }

    /** @return {@code rtl} or {@code ltr} */
    String dir() {
        return "rtl".equals(words.getProperty("language.dir")) ? "rtl" : "ltr";
    }

    /** @return whether there is a word for the key in this language or in English */
    boolean has(String key) {
        return words.containsKey(key) || english.containsKey(key);
    }

    /**
     * @return the word for {@code key} with the values filled in, as plain text (a template escapes it)
     * @throws IllegalArgumentException for a key no language file has: a missing word is a bug, not a blank
     */
    String get(String key, Object... values) {
        MessageFormat f = formats.computeIfAbsent(key, k -> {
            String pattern = words.getProperty(k, english.getProperty(k));
            if (pattern == null) {
                throw new IllegalArgumentException("no word for '" + k + "' in messages_" + FALLBACK + ".properties");
            }
            return new MessageFormat(pattern, locale);
        });
        synchronized (f) {
            return f.format(values);
        }
    }

    /** @return the word for {@code prefix + id} if there is one, else {@code fallback} (for words keyed by data) */
    String getOr(String key, String fallback) {
        return has(key) ? get(key) : fallback;
    }
}
