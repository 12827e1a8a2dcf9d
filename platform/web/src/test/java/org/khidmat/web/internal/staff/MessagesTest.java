package org.khidmat.web.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The staff consoles' language files: the same keys in every language, patterns that parse, plural forms that fit. */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyLanguageFileIsFoundEnglishFirst() {
        assertEquals("en", Languages.available().get(0));
        assertTrue(Languages.available().contains("ur"), Languages.available().toString());
    }

    @Test
    void everyKeyIsInEveryLanguageWithTheSameValues() {
        Properties en = Messages.read("en");
        for (String lang : Languages.available()) {
            Properties other = Messages.read(lang);
            Set<String> missing = new TreeSet<>(en.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(en.stringPropertyNames());
            assertTrue(missing.isEmpty(), "messages_" + lang + ".properties lacks " + missing);
            assertTrue(extra.isEmpty(), "messages_" + lang + ".properties has keys English lacks: " + extra);
            for (String key : en.stringPropertyNames()) {
                assertEquals(arguments(en.getProperty(key)), arguments(other.getProperty(key)),
                        key + " takes other values in " + lang + " than in English");
            }
        }
    }

    @Test
    void everyWordIsAPatternAndAQuoteIsWrittenTwice() {
        for (String lang : Languages.available()) {
            Properties p = Messages.read(lang);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                new MessageFormat(v); // throws on a broken pattern
                assertFalse(v.replace("''", "").contains("'"), key + " in " + lang + " has a single quote, which MessageFormat eats: "
                        + v);
            }
        }
    }

    @Test
    void pluralFormsAndFallbackToEnglish() {
        Messages en = Messages.of("en");
        assertEquals("No applications", en.get("inbox.count", 0));
        assertEquals("1 application", en.get("inbox.count", 1));
        assertEquals("1,060 applications", en.get("inbox.count", 1060));
        assertEquals("1 درخواست", Messages.of("ur").get("inbox.count", 1));
        assertEquals("2 درخواستیں", Messages.of("ur").get("inbox.count", 2));
        assertEquals("rtl", Messages.of("ur").dir());
        assertEquals("en", Messages.of("fr").lang(), "a language without a file comes in English");
        assertEquals("Times are the centre's: x.", en.get("footer.zone", "x"));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
