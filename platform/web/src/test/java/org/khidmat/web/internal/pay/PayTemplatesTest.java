package org.khidmat.web.internal.pay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.khidmat.web.internal.page.CentreTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Agency;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.descriptor.Workflow;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Receipt;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Templates;

/** The pay, receipt and rate templates: hostile values escaped in text and attributes, each language's words and direction. */
class PayTemplatesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'";
    private static final String CNIC = "61101-1234567-1";

    private static TrackedApplication application() {
        Text t = new Text(HOSTILE, "پولیس <سرٹیفکیٹ>");
        ServiceDescriptor d = new ServiceDescriptor("p.cert", 1, new Agency("p", t), "police", t, t, t, List.of(),
                List.of(new FeeTier("normal", t, 500, 7)), List.of(), new Workflow("submitted",
                        List.of(new State("submitted", t, true)), List.of()), false, null);
        return new TrackedApplication(new ApplicationRecord("ABCD-EFGH-J", "p.cert", 1, "p", "6110112345671", "normal", Map.of(),
                "submitted", "paid", Instant.EPOCH, Instant.EPOCH), d, List.of());
    }

    private static String render(String template, String lang, Object view) {
        return Templates.render(template, Map.of("m", Messages.of(Messages.PAY, lang), "view", view));
    }

    @Test
    void theRatingFormKeepsHostileAnswersEscaped() {
        var view = new PayViews.Rating(List.of(new FormProblem("comment", HOSTILE)), "/rate?lang=en", "\"><b>ref", CNIC, "4",
                "</textarea><script>alert(1)</script>");
        String page = render("pay/rate.jte", "en", view);
        assertFalse(page.contains("<script>") || page.contains("<b>"), page);
        assertTrue(page.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), page);
        assertTrue(page.contains("value=\"4\" checked>"), "the stars chosen stay chosen: " + page);
        assertTrue(page.contains("Up to 1000 characters"), "a number is filled in as it is: " + page);
        assertTrue(page.contains("aria-invalid=\"true\""), page);
    }

    @Test
    void theLookupSaysACnicLeftToRightInUrdu() {
        Messages ur = Messages.of(Messages.PAY, "ur");
        var view = new PayViews.Lookup(CitizenForms.missing(ur, "", ""), "pay", "payIntro", "/pay?lang=ur", "جاری رکھیں", HOSTILE, "");
        String page = render("pay/lookup.jte", "ur", view);
        assertTrue(page.contains("<bdi dir=\"ltr\">61101-1234567-1</bdi>"), "the hint's example CNIC: " + page);
        assertTrue(page.contains("اپنا حوالہ نمبر درج کریں"), page);
        assertFalse(page.contains("<script>"), page);
    }

    @Test
    void theReceiptFileIsAWholePageInItsLanguage() {
        Receipt r = new Receipt("KR-1<2>", "ABCD-EFGH-J", "p.cert", "p", "normal", 1500, Instant.EPOCH, "simpay.wallet");
        var paid = new PayViews.Paid(new PayViews.Visit(application(), CNIC, "ur", CentreTime.defaults()), r, false);
        String file = new String(ReceiptHtml.file(paid, Messages.of(Messages.PAY, "ur")), StandardCharsets.UTF_8);
        assertTrue(file.startsWith("<!doctype html>\n<html lang=\"ur\" dir=\"rtl\">"), file);
        assertTrue(file.contains("KR-1&lt;2&gt;") && file.contains("پولیس &lt;سرٹیفکیٹ&gt;") && file.contains("1,500 روپے"), file);
        String en = render("pay/paid.jte", "en", new PayViews.Paid(new PayViews.Visit(application(), CNIC, "en", CentreTime.defaults()), r, true));
        assertFalse(en.contains("<script>"), en);
        assertTrue(en.contains("<input type=\"hidden\" name=\"cnic\" value=\"61101-1234567-1\">"), en);
        assertTrue(en.contains("action=\"/receipt/download?lang=en\""), en);
    }

    @Test
    void theWordsALanguageLacksAreMarkedAsEnglish() {
        String page = Templates.render("pay/thanks.jte", Map.of("m", Messages.of(Messages.PAY, "sd")));
        assertTrue(page.contains("<h1 id=\"thanks\">توهان جي راءِ لاءِ مهرباني</h1>"), "the Sindhi word: " + page);
        assertTrue(page.contains("<p><span lang=\"en\" dir=\"ltr\">Your rating counts in the centre's open figures."),
                "English for a word the Sindhi file lacks, marked as English: " + page);
        assertFalse(Templates.render("pay/thanks.jte", Map.of("m", Messages.of(Messages.PAY, "ur"))).contains("<span lang=\"en\""), "Urdu has every word");
    }
}
