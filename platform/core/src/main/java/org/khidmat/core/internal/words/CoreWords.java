package org.khidmat.core.internal.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Text;

/**
 * Core's user-facing words, one family of files a kind of reader, one file a language beside this class:
 * {@code messages_<lang>.properties} (what citizens and staff read: form problems, account rules, the SMS and e-mail
 * texts) and {@code refusals_<lang>.properties} (the deployer's verdicts, for agency developers). A word is a
 * {@link MessageFormat} pattern, as web's staff words are: {@code {0}} takes a value, {@code {0,choice,1#...|1<...}}
 * the plural form, and a quote is written {@code ''}. A key missing in a language comes in English; adding a
 * language is adding its files. A whole number given for a plain {@code {n}} is written as is (no grouping: a size in
 * bytes or a year reads as the code wrote it).
 */
public final class CoreWords {
    public static final String FALLBACK = "en";
    /** Words for citizens and staff, in every language the centre has files for. */
    public static final CoreWords MESSAGES = new CoreWords("messages");
    /** The deployer's refusals and verdicts, for agency developers. */
    public static final CoreWords REFUSALS = new CoreWords("refusals");

    private final String family;
    private final Map<String, Properties> files = new ConcurrentHashMap<>();
    /** The patterns compiled so far: the words in the files, so a bounded few hundred. */
    private final Map<Compiled, MessageFormat> compiled = new ConcurrentHashMap<>();

    private record Compiled(String lang, String pattern) {
    }
    private volatile List<String> languages;

    private CoreWords(String family) {
        this.family = family;
    }

    /**
     * @return the word for {@code key} in {@code lang} (English when the language lacks it) with the values filled in
     * @throws IllegalArgumentException for a key the English file lacks: a missing word is a bug, not a blank
     */
    public String get(String lang, String key, Object... values) {
        String pattern = file(lang).getProperty(key, file(FALLBACK).getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no word for '" + key + "' in " + family + "_" + FALLBACK + ".properties");
        }
        Object[] shown = values.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Number n && !pattern.contains("{" + i + ",")) {
                shown[i] = n.toString();
            }
        }
        return format(lang, pattern).format(shown);
    }

    /**
     * @return the pattern compiled for the language, parsed once and copied for each use (a MessageFormat is not safe
     *     for two threads at once): parsing it and the language tag anew was half of composing a filing's SMS
     */
    private MessageFormat format(String lang, String pattern) {
        if (lang == null || !languages().contains(lang)) { // kept only for the languages of the files: a bounded set
            return new MessageFormat(pattern, Locale.forLanguageTag(lang == null ? FALLBACK : lang));
        }
        MessageFormat known = compiled.computeIfAbsent(new Compiled(lang, pattern),
                k -> new MessageFormat(pattern, Locale.forLanguageTag(lang)));
        return (MessageFormat) known.clone();
    }

    /** @return the English word, for messages only English readers get (logs, the deployer's verdicts) */
    public String en(String key, Object... values) {
        return get(FALLBACK, key, values);
    }

    /** @return a problem in English and Urdu */
    public Problem problem(String field, String key, Object... values) {
        return Problem.of(field, get("en", key, values), get("ur", key, values));
    }

    /**
     * @param subject the thing the problem is about, as {@code {0}} in each language, and as {@code {1}} with its
     *        first letter lowercased when it is a word, not an abbreviation (for "Enter {1}": "Enter full name",
     *        "Enter CNIC"; Urdu has no case)
     * @param values the further values, from {@code {2}} on
     * @return a problem in English and Urdu
     */
    public Problem problem(String field, String key, Text subject, Object... values) {
        return Problem.of(field, get("en", key, about(subject, "en", values)), get("ur", key, about(subject, "ur", values)));
    }

    private static Object[] about(Text subject, String lang, Object[] values) {
        String s = subject.in(lang);
        Object[] all = new Object[values.length + 2];
        all[0] = s;
        boolean word = s.length() > 1 && Character.isLowerCase(s.charAt(1));
        all[1] = word ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
        System.arraycopy(values, 0, all, 2, values.length);
        return all;
    }

    /** @return the languages this family has files for, English first */
    public List<String> languages() {
        List<String> found = languages;
        if (found == null) {
            found = new ArrayList<>(List.of(FALLBACK));
            for (String code : Locale.getISOLanguages()) {
                if (!code.equals(FALLBACK) && CoreWords.class.getResource(name(code)) != null) {
                    found.add(code);
                }
            }
            languages = found = List.copyOf(found);
        }
        return found;
    }

    /** @return the words of one language file as written, or an empty set when there is none */
    public Properties file(String lang) {
        return files.computeIfAbsent(lang == null ? FALLBACK : lang, this::read);
    }

    private String name(String lang) {
        return family + "_" + lang + ".properties";
    }

    private Properties read(String lang) {
        Properties p = new Properties();
        try (InputStream in = CoreWords.class.getResourceAsStream(name(lang))) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
