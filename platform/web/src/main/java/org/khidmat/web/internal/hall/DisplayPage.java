package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.page.Brand;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;

import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.QueueToken;

/**
 * {@code GET /display}: the hall screen, in large type ({@code hall/display.jte}): the latest calls (token, counter,
 * service), newest first and highlighted, and how many wait. {@code /assets/display.js} updates it from
 * {@code /display/events} without reloading; without JavaScript the page refreshes itself every
 * {@value #REFRESH_SECONDS} seconds (a refresh inside {@code <noscript>}, which the CSP allows and browsers with
 * scripts ignore). A hall screen is set to a language once, by its address; it links every other language of the
 * hall's words.
 */
final class DisplayPage {
    static final int REFRESH_SECONDS = 10;

    /** A language the screen can switch to, by its own name. */
    record Language(String lang, String name) {
    }

    /** What the screen shows: the board, in the page's language, and the other languages. */
    record Screen(HallBoard board, String lang, List<Language> languages, Brand brand) {
        /** @return the called token's service title in the page's language, or its id for a service that has left */
        String title(QueueToken t) {
            Text title = board.titles().get(t.serviceId());
            return title == null ? t.serviceId() : title.in(lang);
        }

        /**
         * @return whether {@link #title} is English on a page in another language (the service has no title in it,
         *         or has left and shows its id), to be marked {@code lang="en" dir="ltr"} for screen readers
         */
        boolean titleBorrowed(QueueToken t) {
            Text title = board.titles().get(t.serviceId());
            return !"en".equals(lang) && (title == null || !title.languages().contains(lang));
        }
    }

    private DisplayPage() {
    }

    static String render(String lang, HallBoard board, Site site) {
        Messages m = Messages.of(Messages.HALL, lang);
        List<Language> others = new ArrayList<>();
        for (String l : site.languages()) {
            if (!l.equals(m.lang())) {
                others.add(new Language(l, Languages.name(l)));
            }
        }
        return HallText.body("hall/display.jte", m, new Screen(board, m.lang(), others, site.brand()));
    }
}
