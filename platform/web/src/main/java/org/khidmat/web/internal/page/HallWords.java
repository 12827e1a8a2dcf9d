package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The hall book's words that other pages than the hall's take from Java: category and life-event names
 * ({@code cat.<category>}, {@code event.<id>}) and days, for the catalogue, the counter and disabled reasons. The
 * hall's own pages read the book in their templates ({@code src/main/jte/hall}).
 */
public final class HallWords {
    private static final WordBook BOOK = new WordBook(Messages.HALL);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_UR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("ur-PK"));

    private HallWords() {
    }

    /** @return the words with {@code {0}}, {@code {1}}... replaced by the values, as HTML for element content ({@link WordBook#get}) */
    public static String get(String key, String lang, Object... values) {
        return BOOK.get(key, lang, values);
    }

    /** @return the day in words, for example "Monday 5 January 2026" or "پیر 5 جنوری 2026" */
    public static String day(LocalDate day, String lang) {
        return Http.escape(("ur".equals(lang) ? DAY_UR : DAY_EN).format(day));
    }

    /** @return a category's name; a category without words keeps its own name */
    public static String category(String category, String lang) {
        return BOOK.has("cat." + category) ? get("cat." + category, lang) : Http.escape(category);
    }

    /** @return the category's name in both languages, for JSON */
    public static Map<String, String> categoryText(String category) {
        return BOOK.has("cat." + category) ? Map.of("en", BOOK.raw("cat." + category, "en"), "ur",
                BOOK.raw("cat." + category, "ur")) : Map.of("en", category, "ur", category);
    }
}
