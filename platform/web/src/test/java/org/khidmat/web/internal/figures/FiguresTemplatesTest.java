package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.Site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.web.Answer;
import org.khidmat.web.internal.http.FakeCatalogue;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Period;

/**
 * The open figures page's template: the centre picker (the whole country by default, each centre by its name, the
 * chosen one marked), hostile names escaped in text, attributes and the charts' SVG, and both languages.
 */
class FiguresTemplatesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'";
    private static final Period PERIOD = Period.parse("2026-01-01", "2026-01-31", LocalDate.of(2026, 2, 1)).period();

    /** A catalogue without services: every agency and service keeps its code. */
    private static final Catalogue EMPTY = new FakeCatalogue();

    private static String page(String lang, String centre, Map<String, String> centres, List<FigureRow> rows) {
        return named(lang, centre, english(centres), rows);
    }

    /** @return each centre with its stored name only, which is English */
    private static Map<String, Map<String, String>> english(Map<String, String> centres) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        centres.forEach((id, name) -> out.put(id, Map.of("en", name)));
        return out;
    }

    private static String named(String lang, String centre, Map<String, Map<String, String>> centres, List<FigureRow> rows) {
        Answer a = new FiguresPage(EMPTY).render(200, lang, new FiguresPage.Asked("2026-01-01", "2026-01-31", centre, centres, Site.defaults().brand()),
                PERIOD, rows, null);
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> centres() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("isb-g11", "Asan Khidmat Markaz, Islamabad G-11");
        m.put("lhr-1", HOSTILE);
        return m;
    }

    @Test
    void theWholeCountryIsShownByDefaultAndEachCentreIsLinkedByItsName() {
        String en = page("en", null, centres(), List.of());
        assertTrue(en.contains("<a href=\"/figures?from=2026-01-01&amp;to=2026-01-31\" id=\"centre-all\" aria-current=\"page\">The whole country</a>"), en);
        assertTrue(en.contains("<a href=\"/figures?centre=isb-g11&amp;from=2026-01-01&amp;to=2026-01-31\" id=\"centre-isb-g11\">Asan Khidmat Markaz, Islamabad G-11</a>"), en);
        assertFalse(en.contains("id=\"centre-shown\""), "no centre chosen: " + en);
        String ur = page("ur", "isb-g11", centres(), List.of());
        assertTrue(ur.contains("پورا ملک") && ur.contains("مراکز"), ur);
        assertTrue(ur.contains("id=\"centre-isb-g11\" aria-current=\"page\""), "the chosen centre is marked: " + ur);
        assertTrue(ur.contains("<input type=\"hidden\" name=\"centre\" value=\"isb-g11\">"), "the period form keeps the centre: " + ur);
        assertTrue(ur.contains("href=\"/figures.csv?centre=isb-g11&amp;from=2026-01-01&amp;to=2026-01-31\""), "the download too: " + ur);
        assertFalse(page("en", null, Map.of(), List.of()).contains("id=\"centres\""), "no centres known: no picker");
    }

    @Test
    void anotherCentreWithoutANameInThePageLanguageIsNamedAsStoredMarkedAsEnglish() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("isb-g11", "AKM Islamabad");
        String ur = page("ur", "isb-g11", c, List.of());
        assertTrue(ur.contains("aria-current=\"page\"><span lang=\"en\" dir=\"ltr\">AKM Islamabad</span></a>"),
                "the stored name is English, marked so on the Urdu page: " + ur);
        assertTrue(ur.contains("<p id=\"centre-shown\">مرکز <span lang=\"en\" dir=\"ltr\">AKM Islamabad</span> کے اعداد و شمار</p>"), ur);
        String en = page("en", "isb-g11", c, List.of());
        assertTrue(en.contains("aria-current=\"page\">AKM Islamabad</a>") && !en.contains("<span lang=\"en\""), en);
    }

    @Test
    void aCentreIsNamedInThePageLanguageWhenItsConfigurationGivesThatName() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        c.put("default", Map.of("en", "Asan Khidmat Markaz"));
        c.put("lhr-01", Map.of("en", "AKM Lahore", "ur", "آسان خدمت مرکز لاہور"));
        String ur = named("ur", "lhr-01", c, List.of());
        assertTrue(ur.contains("aria-current=\"page\">آسان خدمت مرکز لاہور</a>"), ur);
        assertTrue(ur.contains("<p id=\"centre-shown\">مرکز آسان خدمت مرکز لاہور کے اعداد و شمار</p>"), ur);
        assertTrue(ur.contains("id=\"centre-default\">آسان خدمت مرکز</a>"), "the default name has its Urdu form in the words: " + ur);
        assertFalse(ur.contains("<span lang=\"en\""), "nothing borrowed: " + ur);
        String en = named("en", "lhr-01", c, List.of());
        assertTrue(en.contains("aria-current=\"page\">AKM Lahore</a>"), en);
    }

    @Test
    void hostileNamesAreEscapedInTextAttributesAndCharts() {
        FigureRow agency = new FigureRow(HOSTILE, null, 3, 0.1, 1, null, null, 0.5, null, 4.0, 1, 0, 0);
        FigureRow service = new FigureRow(HOSTILE, "svc." + HOSTILE, 3, 0.1, 1, null, null, 0.5, null, 4.0, 1, 0, 0);
        String en = page("en", null, centres(), List.of(agency, service));
        assertFalse(en.contains("<script>"), en);
        assertTrue(en.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), en);
        assertTrue(en.contains("aria-label=\"&lt;script>alert(1)&lt;/script>&#34;&#39;: The table scrolls sideways\""), en);
        assertTrue(en.contains("<svg class=\"chart\" id=\"chart-applications\""), en);
        assertTrue(en.contains("From \u206601/01/2026\u2069 to \u206631/01/2026\u2069 (31 days)"), en);
    }

    /** The period is asked as day, month and year boxes in both languages, filled with the period shown. */
    @Test
    void thePeriodIsAskedAsDayMonthAndYear() {
        for (String lang : List.of("en", "ur")) {
            String page = page(lang, null, centres(), List.of());
            for (String box : List.of("from-day\" value=\"01\"", "from-month\" value=\"01\"", "from-year\" value=\"2026\"",
                    "to-day\" value=\"31\"", "to-month\" value=\"01\"", "to-year\" value=\"2026\"")) {
                assertTrue(page.contains("name=\"" + box), lang + ": " + box + " in " + page);
            }
            assertFalse(page.contains("name=\"from\""), lang + ": no yyyy-mm-dd box: " + page);
        }
    }

    private static String body(Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aBadPeriodIsSaidAtItsFieldInThePageLanguage() {
        Answer a = new FiguresPage(EMPTY).render(400, "ur", new FiguresPage.Asked("2026-13-01", "", null, english(centres()), Site.defaults().brand()), null,
                List.of(), FormProblem.of(Period.parse("2026-13-01", null, LocalDate.of(2026, 2, 1)).problem(), "ur"));
        assertEquals(400, a.status());
        assertTrue(body(a).contains("id=\"from-error\"") && body(a).contains("aria-invalid=\"true\""), body(a));
        assertTrue(body(a).contains("<bdi dir=\"ltr\">"), "the example date reads left to right: " + body(a));
        assertFalse(body(a).contains("id=\"centres\""), "no figures, no picker: " + body(a));
    }
}
