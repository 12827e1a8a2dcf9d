package org.khidmat.api.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.khidmat.api.descriptor.Text;

/**
 * The words of the applicant's CNIC question ({@link Applications#questions}), read once from
 * {@code applicant_<lang>.properties} beside this class in every language there is a file for: adding a language is
 * adding its file. Not API: package-private.
 */
final class ApplicantWords {
    static final Text LABEL;
    static final Text HINT;

    static {
        Map<String, Properties> files = new LinkedHashMap<>();
        files.put("en", read("en"));
        for (String lang : Locale.getISOLanguages()) {
            if (!lang.equals("en") && ApplicantWords.class.getResource(name(lang)) != null) {
                files.put(lang, read(lang));
            }
        }
        LABEL = text(files, "cnic.label");
        HINT = text(files, "cnic.hint");
    }

    private ApplicantWords() {
    }

    private static Text text(Map<String, Properties> files, String key) {
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((lang, words) -> {
            if (words.getProperty(key) != null) {
                texts.put(lang, words.getProperty(key));
            }
        });
        return Text.of(texts);
    }

    private static String name(String lang) {
        return "applicant_" + lang + ".properties";
    }

    static Properties read(String lang) {
        Properties p = new Properties();
        try (InputStream in = ApplicantWords.class.getResourceAsStream(name(lang))) {
            if (in == null) {
                throw new IllegalStateException("missing " + name(lang) + " beside " + ApplicantWords.class.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
