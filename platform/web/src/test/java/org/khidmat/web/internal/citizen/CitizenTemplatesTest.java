package org.khidmat.web.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Payment;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Templates;

/**
 * The citizen pages' templates ({@code src/main/jte/citizen}) rendered with hostile values: every value escaped for
 * where it is written, the language's {@code lang}/{@code dir}, plurals from the words files, a CNIC left to right.
 */
class CitizenTemplatesTest {
    private static ServiceDescriptor hostile() throws Exception {
        try (InputStream in = CitizenTemplatesTest.class.getResourceAsStream("/descriptors/hostile.json")) {
            return Descriptors.parse(in, "services/hostile.json");
        }
    }

    private static String page(String template, String lang, Object view) {
        return Templates.render(template, Map.of("frame", Layout.frame("/", lang), "v", view));
    }

    private static CataloguePage.View catalogue(String words, List<CatalogueEntry> shown) {
        return new CataloguePage.View(words, "", "acme", null, Map.of("civil", "Civil \"records\""), Map.of("acme", "<i>Acme</i>"),
                null, shown, List.of());
    }

    @Test
    void theCatalogueEscapesTheSearchAndTheServicesAndCountsWithTheRightPlural() throws Exception {
        CatalogueEntry e = new CatalogueEntry(hostile(), "org.acme", "1.0.0", false, "Down for <b>upgrade</b>");
        String one = page("citizen/catalogue.jte", "en", catalogue("\"><script>alert(1)</script>", List.of(e)));
        assertFalse(one.contains("<script>alert") || one.contains("<b>upgrade") || one.contains("<i>Acme"), one);
        assertTrue(one.contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), one);
        assertTrue(one.contains("<option value=\"acme\" selected>&lt;i&gt;Acme&lt;/i&gt;</option>"), one);
        assertTrue(one.contains(">1 service found<") && !one.contains("1 services"), one);
        assertTrue(one.contains("id=\"off-acme.hostile\">Temporarily unavailable: Down for &lt;b&gt;upgrade&lt;/b&gt;</p>"), one);
        assertTrue(one.contains("Fee PKR 1,500") || one.contains("No fee at normal speed"), one);
        String none = page("citizen/catalogue.jte", "ur", catalogue("", List.of()));
        assertTrue(none.contains("<html lang=\"ur\" dir=\"rtl\">") && none.contains(">0 خدمات ملیں<"), none);
        String two = page("citizen/catalogue.jte", "en", catalogue("", List.of(e, e)));
        assertTrue(two.contains(">2 services found<"), two);
    }

    @Test
    void checkYourAnswersShowsACnicLeftToRightAndEscapesEveryAnswer() throws Exception {
        ServiceDescriptor d = hostile();
        List<ApplyViews.Row> rows = List.of(new ApplyViews.Row("CNIC <number>", new FormHtml.Answer("61101-1234567-1", true),
                "/apply/acme.hostile/page/1?change=1#f-cnic"), new ApplyViews.Row("Name", new FormHtml.Answer("<script>x", false),
                "/apply/x\"y"));
        String ur = page("citizen/check.jte", "ur", new ApplyViews.Check(d, List.of(new FormHtml.Listed("غلط <b>", "#f-cnic")),
                "/back\"x", rows));
        assertFalse(ur.contains("<script>x") || ur.contains("<number>") || ur.contains("غلط <b>"), ur);
        assertTrue(ur.contains("<dd><span dir=\"ltr\">61101-1234567-1</span> <a href=\"/apply/acme.hostile/page/1?change=1#f-cnic\">"),
                ur);
        assertTrue(ur.contains("href=\"/apply/x&#34;y\"") && ur.contains("href=\"/back&#34;x\" class=\"back\""), ur);
        assertTrue(ur.contains("<html lang=\"ur\" dir=\"rtl\">") && ur.contains("id=\"error-summary\""), ur);
    }

    @Test
    void aQuestionPageIsHeadedByWhatItAsksJoinedInTheLanguage() throws Exception {
        ServiceDescriptor d = hostile();
        var fields = d.form().stream().filter(f -> f.page() == 1).toList();
        String en = page("citizen/question.jte", "en", new QuestionPage(d, fields, Map.of("cnic", "\"x"), List.of(
                Problem.of("cnic", "Bad", "خراب")), 1, 2, "/services/acme.hostile"));
        assertTrue(en.contains("<h1>CNIC number and date of birth</h1>"), en);
        assertTrue(en.contains("<title>Error: CNIC number and date of birth - &lt;script&gt;"), en);
        assertTrue(en.contains("Page 1 of 2") && en.contains("value=\"&#34;x\""), en);
        String ur = page("citizen/question.jte", "ur", new QuestionPage(d, fields, Map.of(), List.of(), 1, 2, "/"));
        assertTrue(ur.contains("<h1>شناختی کارڈ نمبر اور تاریخ پیدائش</h1>"), ur);
    }

    @Test
    void theTrackSectionsEscapeMessagesAndCarryThePairInPostedForms() {
        Payment paid = new Payment("KM7Q-4XPA-K", "acme.hostile", "acme", "normal", 1500, "simpay.wallet", "p1", null, Payment.PAID,
                Instant.EPOCH, Instant.EPOCH, "R-1\"<b>");
        Notification sms = new Notification(1, "KM7Q-4XPA-K", "filed", "sms", "03001234567", "Hello <b>there</b>\nline two\nآپ کی درخواست موصول ہو گئی۔",
                Notification.SENT, "sim", "x", 1, Instant.EPOCH, Instant.EPOCH, null);
        TrackSections.View s = new TrackSections.View("KM7Q-4XPA-K", "61101\"1234567-1", Payment.PAID, paid, 1500, true, null,
                List.of(sms));
        String html = Templates.render("citizen/sections.jte", Map.of("s", s, "w",
                org.khidmat.web.internal.page.Wording.of(org.khidmat.web.internal.page.Messages.CITIZEN, "en"), "time",
                org.khidmat.web.internal.page.CentreTime.defaults()));
        assertFalse(html.contains("<b>there") || html.contains("\"<b>"), html);
        assertTrue(html.contains("<span class=\"line\" dir=\"auto\" lang=\"en\">Hello &lt;b&gt;there&lt;/b&gt;</span>"
                + "<span class=\"line\" dir=\"auto\" lang=\"en\">line two</span>"), html);
        assertTrue(html.contains("<span class=\"line\" dir=\"auto\" lang=\"ur\">آپ کی"), "an Urdu line is set as Urdu: " + html);
        assertTrue(html.contains("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"messages-title\"><table"),
                "the table scrolls in its own box on a phone: " + html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"cnic\" value=\"61101&#34;1234567-1\">"), html);
        assertTrue(html.contains("action=\"/receipt?lang=en\"") && html.contains("id=\"rate-link\"") && html.contains("name=\"prefill\""),
                html);
        assertTrue(html.contains("PKR 1,500"), html);
    }
}
