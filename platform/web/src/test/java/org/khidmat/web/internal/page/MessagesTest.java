package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every book of words (the staff consoles' and the citizen pages'): the same keys in every language, patterns that
 * parse, plural forms that fit.
 */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final List<String> BOOKS = List.of(Messages.STAFF, Messages.CITIZEN, Messages.HALL, Messages.PAY,
            Messages.FIGURES);
    private static final Set<String> SHIPPED = Set.of("en", "ur");

    @Test
    void everyLanguageFileIsFoundEnglishFirst() {
        for (String book : BOOKS) {
            assertEquals("en", Languages.available(book).get(0), book);
            assertTrue(Languages.available(book).contains("ur"), book + ": " + Languages.available(book));
        }
    }

    @Test
    void everyKeyIsInEveryLanguageWithTheSameValues() {
        for (String book : BOOKS) {
            sameKeysAndValues(book);
        }
    }

    private static void sameKeysAndValues(String book) {
        Properties en = Messages.read(book, "en");
        for (String lang : Languages.available(book)) {
            Properties other = Messages.read(book, lang);
            Set<String> missing = new TreeSet<>(en.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(en.stringPropertyNames());
            // the languages the centre ships are whole; a language a centre adds may be partial: English fills in
            assertTrue(missing.isEmpty() || !SHIPPED.contains(lang), book + "_" + lang + ".properties lacks " + missing);
            assertTrue(extra.isEmpty(), book + "_" + lang + ".properties has keys English lacks: " + extra);
            for (String key : other.stringPropertyNames()) {
                assertEquals(arguments(en.getProperty(key)), arguments(other.getProperty(key)),
                        key + " takes other values in " + lang + " than in English");
            }
        }
    }

    @Test
    void everyWordIsAPatternAndAQuoteIsWrittenTwice() {
        for (String book : BOOKS) {
            for (String lang : Languages.available(book)) {
                Properties p = Messages.read(book, lang);
                for (String key : p.stringPropertyNames()) {
                    String v = p.getProperty(key);
                    new MessageFormat(v); // throws on a broken pattern
                    assertFalse(v.replaceAll("'\\{[a-z]+\\}'", "").replace("''", "").contains("'"), key + " in " + book + "_"
                            + lang + " has a single quote, which MessageFormat eats: " + v);
                }
            }
        }
    }

    @Test
    void pluralFormsAndFallbackToEnglish() {
        Messages en = Messages.of(Messages.STAFF, "en");
        assertEquals("No applications", en.get("inbox.count", 0));
        assertEquals("1 application", en.get("inbox.count", 1));
        assertEquals("1,060 applications", en.get("inbox.count", 1060));
        assertEquals("1 درخواست", Messages.of(Messages.STAFF, "ur").get("inbox.count", 1));
        assertEquals("2 درخواستیں", Messages.of(Messages.STAFF, "ur").get("inbox.count", 2));
        assertEquals("rtl", Messages.of(Messages.STAFF, "ur").dir());
        assertEquals("en", Messages.of(Messages.STAFF, "fr").lang(), "a language without a file comes in English");
        assertEquals("Times are the centre's: x.", en.get("footer.zone", "x"));
    }

    @Test
    void theCitizenWordsFillInValuesAsTheyAre() {
        assertEquals("Page 3 of 1500", Messages.of(Messages.CITIZEN, "en").text("pageOf", 3, 1500), "no grouping");
        assertEquals("Page {1} of it's", Messages.of(Messages.CITIZEN, "en").text("pageOf", "{1}", "it's"),
                "a value is text, never a pattern");
        assertEquals("صفحہ 3 (کل 12)", Messages.of(Messages.CITIZEN, "ur").text("pageOf", 3, 12));
        assertEquals("Page 3 of 12", Messages.of(Messages.CITIZEN, "fr").text("pageOf", 3, 12), "no file: English");
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
