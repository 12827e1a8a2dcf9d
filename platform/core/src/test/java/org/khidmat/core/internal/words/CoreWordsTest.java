package org.khidmat.core.internal.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Text;

/** Core's word files: alike in every language, patterns that parse, plurals that fit; no words left in core's code. */
class CoreWordsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("[\\u0600-\\u06FF\\u0750-\\u077F\\uFB50-\\uFDFF\\uFE70-\\uFEFF]");

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyLanguageFileHasEveryKeyWithTheSameValuesAndParses() {
        for (CoreWords family : List.of(CoreWords.MESSAGES, CoreWords.REFUSALS)) {
            Properties en = family.file("en");
            assertTrue(en.size() >= 10, "the English file is found: " + en.size());
            for (String lang : family.languages()) {
                Properties other = family.file(lang);
                Set<String> missing = new TreeSet<>(en.stringPropertyNames());
                missing.removeAll(other.stringPropertyNames());
                Set<String> extra = new TreeSet<>(other.stringPropertyNames());
                extra.removeAll(en.stringPropertyNames());
                assertTrue(missing.isEmpty() && extra.isEmpty(), lang + " lacks " + missing + " and has more: " + extra);
                for (String key : en.stringPropertyNames()) {
                    String pattern = other.getProperty(key);
                    assertEquals(arguments(en.getProperty(key)), arguments(pattern), key + " in " + lang);
                    new MessageFormat(pattern);
                    if (pattern.contains(",choice,")) {
                        assertTrue(pattern.contains("1#") && pattern.contains("1<"), key + " in " + lang
                                + " has the forms for one and for more");
                    }
                    assertTrue(!pattern.matches("(?s).*[^']'[^'].*"), key + " in " + lang
                            + ": a quote is written '' (a single one hides what follows)");
                }
            }
        }
        assertEquals(List.of("en", "ur"), CoreWords.MESSAGES.languages());
    }

    @Test
    void pluralsAndLabelsComeOutInEachLanguage() {
        Text label = new Text("Full name", "پورا نام");
        Problem one = CoreWords.MESSAGES.problem("name", "field.tooLong", label, 1);
        assertEquals("Full name must be 1 character or fewer", one.en());
        Problem many = CoreWords.MESSAGES.problem("name", "field.tooLong", label, 1200);
        assertEquals("Full name must be 1200 characters or fewer", many.en(), "a count is not grouped");
        assertEquals("پورا نام زیادہ سے زیادہ 1200 حروف ہو سکتا ہے", many.ur());
        assertEquals("Enter full name", CoreWords.MESSAGES.problem("name", "field.required", label).en());
        assertEquals("Enter CNIC", CoreWords.MESSAGES.problem("cnic", "field.required", new Text("CNIC", "شناختی کارڈ")).en());
        assertEquals("There is no speed 'urgent' for this service; choose one from the list",
                CoreWords.MESSAGES.problem("tier", "application.tier.unknown", "urgent").en());
        assertEquals("Asan Khidmat: application KM7Q", CoreWords.MESSAGES.get("sd", "notify.subject", "KM7Q"),
                "a language without its file gets English");
    }

    @Test
    void coreCodeHasNoUrduWordsLeft() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (ARABIC_SCRIPT.matcher(lines.get(i)).find()) {
                        found.add(f.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "Urdu in core's code; move it to messages_<lang>.properties: " + found);
    }
}
