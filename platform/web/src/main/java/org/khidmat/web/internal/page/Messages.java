package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import gg.jte.Content;
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
 * One book of words in one language, read from {@code words/<book>_<lang>.properties} (UTF-8) in this bundle's
 * {@code org/khidmat/web/internal/} folder: {@link #STAFF} for the consoles, {@link #CITIZEN}, {@link #HALL}, {@link #PAY}
 * and {@link #FIGURES} for the citizen's pages. A key missing in a language comes in English. A word is a {@link MessageFormat} pattern: {@code {0}} takes a value,
 * {@code {0,choice,0#...|1#...|1<...}} chooses the plural form (one and other for English and Urdu, as CLDR has
 * them), and a quote is written {@code ''}. Adding a language is adding its files ({@link Languages} finds them); the file
 * names the language ({@code language.name}) its direction ({@code language.dir}) and the locale of its numbers and dates ({@code language.locale}: English's
 * when the file has none).
 */
public final class Messages {
    public static final String STAFF = "staff";
    public static final String CITIZEN = "citizen";
    public static final String HALL = "hall";
    public static final String PAY = "pay";
    public static final String FIGURES = "figures";
    public static final String FALLBACK = "en";
    static final String FOLDER = "org/khidmat/web/internal/words";
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();
    private final String lang;
    private final Locale locale;
    private final Properties words;
    private final Properties english;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(String lang, Properties words, Properties english) {
        this.lang = lang;
        // numbers and dates as the file says (language.locale), else as in English: a language's own digits only by choice
        this.locale = Locale.forLanguageTag(words.getProperty("language.locale", english.getProperty("language.locale", FALLBACK)));
        this.words = words;
        this.english = english;
    }

    /** @return the words of {@code book} in {@code lang}, or in English when the centre has no file for it */
    public static Messages of(String book, String lang) {
        String l = lang != null && Languages.available(book).contains(lang) ? lang : FALLBACK;
        Messages m = LOADED.get(book + "_" + l);
        if (m == null) {
            Properties words = read(book, l);
            m = new Messages(l, words, l.equals(FALLBACK) ? words : of(book, FALLBACK).words);
            Messages first = LOADED.putIfAbsent(book + "_" + l, m);
            m = first != null ? first : m;
        }
        return m;
    }

    /** @return the raw words of a language file, for checks */
    public static Properties read(String book, String lang) {
        Properties p = new Properties();
        String name = FOLDER + "/" + book + "_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + name + " in the web bundle");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public String lang() {
        return lang;
    }

    /** @return the locale of numbers and dates in this language ({@code language.locale}, else English's) */
    public Locale locale() {
        return locale;
    }

    /** @return {@code rtl} or {@code ltr} */
    public String dir() {
        return "rtl".equals(words.getProperty("language.dir")) ? "rtl" : "ltr";
    }

    /** @return whether the word for the key comes in English because this language's file lacks it */
    public boolean borrowed(String key) {
        return !lang.equals(FALLBACK) && !words.containsKey(key);
    }

    /** @return whether there is a word for the key in this language or in English */
    public boolean has(String key) {
        return words.containsKey(key) || english.containsKey(key);
    }

    /**
     * @return the word for {@code key} with the values filled in, as plain text (a template escapes it)
     * @throws IllegalArgumentException for a key no language file has: a missing word is a bug, not a blank
     */
    public String get(String key, Object... values) {
        MessageFormat f = formats.computeIfAbsent(key, k -> {
            String pattern = words.getProperty(k, english.getProperty(k));
            if (pattern == null) {
                throw new IllegalArgumentException("no word for '" + k + "' in the English file of its book");
            }
            return new MessageFormat(pattern, locale);
        });
        synchronized (f) {
            return f.format(values);
        }
    }

    /**
     * @return the word with {@code {i}} replaced by {@code values[i]} as given text (a number is not regrouped or
     *     localised, a value is never a pattern), as plain text
     */
    public String text(String key, Object... values) {
        Object[] text = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = String.valueOf(values[i]);
        }
        return get(key, text);
    }

    /**
     * @return {@link #text} as HTML for element content of a page still made as a string ({@link Http#text}: right to
     *     left, a number such as a CNIC, in the word or in a value, reads left to right)
     */
    public String html(String key, Object... values) {
        return Http.text(text(key, values), dir());
    }

    /**
     * @return the word as page text, for a template's element content: a word this language's file lacks comes in
     *     English marked {@code <span lang="en" dir="ltr">} (as the citizen pages' {@link Wording#say}); right to left,
     *     digit runs read left to right. Not for attributes or the title: use {@link #get} there.
     */
    public Content say(String key, Object... values) {
        return Wording.say(this, key, values);
    }

    /** @return the word for {@code prefix + id} if there is one, else {@code fallback} (for words keyed by data) */
    public String getOr(String key, String fallback) {
        return has(key) ? get(key) : fallback;
    }
}
