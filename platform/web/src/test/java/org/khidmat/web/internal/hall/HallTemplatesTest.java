package org.khidmat.web.internal.hall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.page.Site;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;

/**
 * The hall's templates, compiled at build time: hostile values escaped in text and attributes, the language's words
 * with its direction, and a language that is only files (a small Sindhi book in the test resources) shown with English
 * for the words it lacks.
 */
class HallTemplatesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'";

    private static String kiosk(String lang, List<FormProblem> problems, String words, String reference) {
        return HallText.body("hall/kiosk.jte", Messages.of(Messages.HALL, lang), new KioskPages.Kiosk(problems, words,
                reference, Map.of()));
    }

    @Test
    void aHostileValueIsEscapedInTextAndAttributes() {
        String page = kiosk("en", List.of(new FormProblem("reference", HOSTILE), new FormProblem("services", HOSTILE)),
                "\"><img src=x onerror=alert(1)>", HOSTILE);
        assertFalse(page.contains("<script>") || page.contains("<img"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("value=\"&#34;>&lt;img src=x onerror=alert(1)>\""), "the search words stay in their attribute: " + page);
        assertTrue(page.contains("value=\"&lt;script>alert(1)&lt;/script>&#34;&#39;\""), page);
    }

    @Test
    void aCnicInUrduTextReadsLeftToRight() {
        String page = kiosk("ur", List.of(FormProblem.of(Messages.of(Messages.HALL, "ur"), "cnic", "badCnic")), "", "");
        assertTrue(page.contains("<bdi dir=\"ltr\">61101-1234567-1</bdi>"), page);
        assertTrue(page.contains("قطار"), "Urdu words: " + page);
        assertFalse(kiosk("en", List.of(), "", "").contains("<bdi"), "English needs no isolation");
    }

    @Test
    void theHallScreenCarriesItsLanguageAndDirection() {
        HallBoard board = HallBoard.of(List.of(FakeQueue.token(1, "A-001", "identity", QueueToken.CALLED, 3,
                Instant.parse("2026-01-05T04:00:00Z"), Instant.parse("2026-01-05T04:05:00Z"), null)),
                Map.of("svc.identity", new Text(HOSTILE, "شناختی کارڈ")));
        String en = DisplayPage.render("en", board, Site.defaults());
        assertTrue(en.contains("<html lang=\"en\" dir=\"ltr\">"), en);
        assertFalse(en.contains("<script>alert"), en);
        String ur = DisplayPage.render("ur", board, Site.defaults());
        assertTrue(ur.contains("<html lang=\"ur\" dir=\"rtl\">") && ur.contains("شناختی کارڈ"), ur);
        assertTrue(ur.contains("href=\"/lang?to=en&amp;back=%2Fdisplay\""), "the switch leads to English: " + ur);
    }

    @Test
    void aLanguageThatIsOnlyFilesIsChosenWithEnglishForTheWordsItLacks() {
        assertTrue(Languages.available(Messages.HALL).contains("sd"), "the Sindhi file is found: " + Languages.available(Messages.HALL));
        Messages sd = Messages.of(Messages.HALL, "sd");
        String page = kiosk("sd", List.of(), "", "");
        assertTrue(page.contains("قطار جو ٽوڪن وٺو"), "the Sindhi word: " + page);
        assertTrue(page.contains("Find a service"), "English for a word the Sindhi file lacks: " + page);
        assertTrue(sd.dir().equals("rtl"));
        HallBoard board = HallBoard.of(List.of(), Map.of());
        String screen = DisplayPage.render("sd", board, Site.defaults());
        assertTrue(screen.contains("<html lang=\"sd\" dir=\"rtl\">"), screen);
        assertTrue(screen.contains("هاڻي سڏجي رهيو آهي"), screen);
        assertTrue(screen.contains("href=\"/lang?to=en&amp;back=%2Fdisplay\"") && screen.contains("href=\"/lang?to=ur&amp;back=%2Fdisplay\""),
                "the screen links every other language: " + screen);
    }

    @Test
    void theWordsALanguageLacksAreMarkedAsEnglishOnTheKioskAndTheScreen() {
        String page = kiosk("sd", List.of(), "", "");
        assertTrue(page.contains("<label for=\"q\"><span lang=\"en\" dir=\"ltr\">Find a service</span></label>"),
                "English for a word the Sindhi file lacks, marked so a screen reader reads it as English: " + page);
        assertTrue(page.contains("<h1>قطار جو ٽوڪن وٺو</h1>"), "a Sindhi word is not marked: " + page);
        String screen = DisplayPage.render("sd", HallBoard.of(List.of(), Map.of()), Site.defaults());
        assertTrue(screen.contains("<th scope=\"col\"><span lang=\"en\" dir=\"ltr\">Token</span></th>"), screen);
        assertTrue(screen.contains("<span lang=\"en\" dir=\"ltr\">No token has been called yet today.</span>"), screen);
        assertFalse(kiosk("ur", List.of(), "", "").contains("<span lang=\"en\""), "Urdu has every word");
    }
}
