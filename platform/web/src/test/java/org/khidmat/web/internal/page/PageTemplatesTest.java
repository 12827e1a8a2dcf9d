package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The citizen frame and the shared form pieces ({@code src/main/jte/page}), compiled at build time, rendered with
 * hostile values: text and attributes escaped by context, the page's language and direction, numbers in Urdu isolated
 * left to right.
 */
class PageTemplatesTest {
    static CatalogueEntry hostile(boolean enabled, String reason) throws Exception {
        try (InputStream in = PageTemplatesTest.class.getResourceAsStream("/descriptors/hostile.json")) {
            return new CatalogueEntry(Descriptors.parse(in, "services/hostile.json"), "org.acme", "1.0.0", enabled, reason);
        }
    }

    private static String page(String template, String lang, Object view) {
        return Templates.render(template, Map.of("frame", Layout.frame("/services/x?a=1&lang=" + lang, lang), "v", view));
    }

    @Test
    void theStartPageEscapesTheDescriptorsTextAndFramesItInItsLanguage() throws Exception {
        String en = page("page/start.jte", "en", hostile(true, null));
        assertFalse(en.contains("<script>alert") || en.contains("<i>Co") || en.contains("<b>"), en);
        assertTrue(en.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Renewal</h1>"), en);
        assertTrue(en.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; Renewal - Asan Khidmat Markaz</title>"), en);
        assertTrue(en.startsWith("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"), en);
        assertTrue(en.contains("<td>1 working day</td>") && en.contains("<td>The same day</td>") && en.contains("PKR 1,500"), en);
        assertTrue(en.contains("href=\"/lang?to=ur&amp;back=%2Fservices%2Fx%3Fa%3D1\""), "the switch returns here without lang: " + en);
        String ur = page("page/start.jte", "ur", hostile(true, null));
        assertTrue(ur.startsWith("<!doctype html>\n<html lang=\"ur\" dir=\"rtl\">"), ur);
        assertTrue(ur.contains("<h1>تجدید &lt;script&gt;alert(1)&lt;/script&gt; <bdi dir=\"ltr\">61101-1234567-1</bdi></h1>"), ur);
        assertTrue(ur.contains("lang=\"en\" hreflang=\"en\">English</a>") && ur.contains("<td>کام کا 1 دن</td>"), ur);
    }

    @Test
    void aDisabledServiceSaysWhyInItsLanguageAndAnEnglishReasonStaysMarkedEnglish() throws Exception {
        String stored = new DisabledReason("System <b>down</b>", null, java.time.LocalDate.of(2030, 1, 7)).stored();
        String ur = page("page/unavailable.jte", "ur", hostile(false, stored));
        assertTrue(ur.contains("<span lang=\"en\" dir=\"ltr\">System &lt;b&gt;down&lt;/b&gt;</span>"), ur);
        assertFalse(ur.contains("<b>down"), ur);
        String en = page("page/unavailable.jte", "en", hostile(false, stored));
        assertTrue(en.contains("System &lt;b&gt;down&lt;/b&gt; Expected back on Monday 7 January 2030."), en);
    }

    @Test
    void aQuestionKeepsAHostileAnswerInsideItsAttributeAndLinksItsProblem() throws Exception {
        Field cnic = hostile(true, null).descriptor().field("cnic").orElseThrow();
        Problem p = Problem.of("cnic", "Enter <b>13</b> digits", "13 ہندسے <b>");
        String html = FormHtml.question(cnic, "\"><img src=x onerror=alert(1)>", p, "en", true);
        assertFalse(html.contains("\"><img") || html.contains("<b>13"), html);
        assertTrue(html.contains("value=\"&#34;>&lt;img src=x onerror=alert(1)>\""), html);
        assertTrue(html.contains(" aria-describedby=\"cnic-hint cnic-error\" aria-invalid=\"true\" inputmode=\"numeric\""), html);
        assertTrue(html.contains("<h1 class=\"flush label-heading\"><label for=\"f-cnic\">CNIC number</label></h1>"), html);
        String summary = FormHtml.summary(List.of(p), "ur");
        assertTrue(summary.contains("<a href=\"#f-cnic\"><bdi dir=\"ltr\">13</bdi> ہندسے &lt;b&gt;</a>")
                || summary.contains("<a href=\"#f-cnic\">13 ہندسے &lt;b&gt;</a>"), summary);
        assertEquals("", FormHtml.summary(List.of(), "en"));
    }

    @Test
    void aDateIsThreeBoxesAndAChoiceIsRadiosWithTheAnswerChecked() throws Exception {
        var d = hostile(true, null).descriptor();
        String date = FormHtml.question(d.field("dateOfBirth").orElseThrow(), "1990-05-12", null, "ur", false);
        assertTrue(date.contains("name=\"dateOfBirth-day\" value=\"12\"") && date.contains("name=\"dateOfBirth-year\" value=\"1990\""),
                date);
        assertTrue(date.contains("autocomplete=\"bday-day\"") && date.contains("<label for=\"f-dateOfBirth\">دن</label>"), date);
        assertFalse(date.contains("aria-invalid"), "no problem, no aria-invalid: " + date);
        String radios = FormHtml.question(d.field("kind").orElseThrow(), "a\"b", null, "en", true);
        assertTrue(radios.contains("id=\"f-kind\" name=\"kind\" value=\"a&#34;b\" checked>"), radios);
        assertTrue(radios.contains("id=\"f-kind-2\" name=\"kind\" value=\"c\">") && radios.contains("&lt;em&gt;A&lt;/em&gt;"), radios);
    }

    @Test
    void aPageStillMadeAsAStringKeepsItsHtmlInTheFrame() {
        String html = Layout.page(Layout.frame("/track", "ur"), "T", "<p id=\"x\">body</p>");
        assertTrue(html.contains("<main id=\"main\">\n<p id=\"x\">body</p>\n</main>") && html.contains("<title>T - "), html);
    }

    @Test
    void aFailureSaysItInBothLanguagesEscapedTheOtherMarkedAsSuch() {
        Failures.Said said = new Failures.Said(503, "The <b>queue</b> is away", "قطار 10:30 تک <b>");
        String ur = page("page/failure.jte", "ur", said);
        assertTrue(ur.contains("<h1>503</h1><p>قطار <bdi dir=\"ltr\">10:30</bdi> تک &lt;b&gt;</p><p lang=\"en\" dir=\"ltr\">The &lt;b&gt;queue"), ur);
        String en = page("page/failure.jte", "en", said);
        assertTrue(en.contains("<p>The &lt;b&gt;queue&lt;/b&gt; is away</p><p lang=\"ur\" dir=\"rtl\">قطار <bdi dir=\"ltr\">10:30</bdi>"), en);
        assertTrue(en.contains("<title>503 - ") && !en.contains("<b>"), en);
    }
}
