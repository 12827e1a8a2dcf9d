package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;
import org.openqa.selenium.By;

/**
 * A handler's eligibility rule is checked on the page that asks its question, not only after "Accept and send" once
 * the citizen has filled in everything: in English and Urdu, on a desktop and a 390 px phone.
 */
class HandledPageIT {
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();

    private static final String DESCRIPTOR = """
            {"formatVersion": 1, "id": "handled.permit", "version": 1, "handler": true,
             "agency": {"code": "handled", "name": {"en": "Permit office", "ur": "اجازت نامہ دفتر"}},
             "category": "testing", "title": {"en": "Travel permit", "ur": "سفری اجازت نامہ"},
             "summary": {"en": "A permit made by a test.", "ur": "ٹیسٹ کا اجازت نامہ"},
             "fees": [{"id": "normal", "title": {"en": "Normal", "ur": "عام"}, "amount": 0, "days": 3}],
             "form": [{"name": "cnic", "type": "cnic", "label": {"en": "CNIC", "ur": "شناختی کارڈ"}, "required": true},
                      {"name": "purpose", "type": "select", "label": {"en": "Purpose", "ur": "مقصد"}, "required": true, "page": 2,
                       "options": [{"value": "work", "label": {"en": "Work", "ur": "ملازمت"}},
                                   {"value": "study", "label": {"en": "Study", "ur": "تعلیم"}}]},
                      {"name": "mobile", "type": "phone", "label": {"en": "Mobile", "ur": "موبائل"}, "required": true, "page": 3}],
             "workflow": {"initial": "submitted",
               "states": [{"id": "submitted", "label": {"en": "Submitted", "ur": "جمع"}},
                          {"id": "done", "label": {"en": "Done", "ur": "مکمل"}, "terminal": true}],
               "transitions": [{"from": "submitted", "to": "done", "label": {"en": "Finish", "ur": "مکمل کریں"}}]}}
            """;

    private static byte[] bundle() {
        TestBundles b = TestBundles.bundle("org.test.handled", "1.0.0").descriptor("permit", DESCRIPTOR).activator(StudyRefused.class);
        String rule = StudyRefused.Rule.class.getName().replace('.', '/') + ".class";
        try (InputStream in = StudyRefused.class.getClassLoader().getResourceAsStream(rule)) {
            b.entry(rule, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.header("Import-Package", "org.osgi.framework,org.khidmat.api;version=\"[1.1,2)\"").bytes();
    }

    @Test
    void theRuleSpeaksOnThePageThatAsks() {
        Centre centre = FRONT.centre();
        Browser browser = FRONT.browser();
        HttpResponse<String> deployed = FRONT.admin().put("/api/v1/bundles", bundle());
        assertEquals(200, deployed.statusCode(), deployed.body());
        for (String lang : List.of("en", "ur")) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/services/handled.permit"));
                browser.go(By.id("start"));
                browser.type("f-cnic", "61101-1234567-1");
                browser.go(By.id("continue"));
                browser.driver.findElement(By.cssSelector("input[name=purpose][value=study]")).click();
                browser.go(By.id("continue"));
                assertTrue(browser.has(By.id("error-summary")), lang + " " + width + ": refused on the purpose's page");
                assertTrue(browser.text(By.id("purpose-error")).contains("ur".equals(lang) ? "تعلیم کے لیے نہیں" : "not given for study"));
                assertFalse(browser.has(By.id("f-mobile")), "still on the purpose's page");
                browser.accessible("a handler's rule on its page, " + lang + " " + width);
            }
        }
    }
}
