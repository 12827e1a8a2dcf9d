package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Templates;

import java.time.LocalDate;
import java.util.Map;

/** What the hall's templates share: a day and a category in words, and a page body made of a template. */
final class HallText {

    private HallText() {
    }

    /** @return the day in words, for example "Monday 5 January 2026" or "پیر 5 جنوری 2026", in the locale of the language's words ({@code language.locale}) */
    static String day(LocalDate day, String lang) {
        return Languages.day(day, lang);
    }

    /** @return a category's name in the page's language; a category without words keeps its own name */
    static String category(Messages m, String category) {
        return m.getOr("cat." + category, category);
    }

    /** @return the template ({@code hall/kiosk.jte}) filled with the page's words and its view */
    static String body(String template, Messages m, Object view) {
        return Templates.render(template, view == null ? Map.of("m", m) : Map.of("m", m, "view", view));
    }

    /** @return the page's title for the frame, as HTML: the word, after "Error: " when the page shows problems */
    static String title(Messages m, String key, boolean problems) {
        String error = problems ? Messages.of(Messages.CITIZEN, m.lang()).get("error") + ": " : "";
        return Http.text(error + m.get(key), m.dir());
    }
}
