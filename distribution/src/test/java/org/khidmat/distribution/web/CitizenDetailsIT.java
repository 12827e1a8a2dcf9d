package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The details of a citizen's journeys that people trip on, in headless Chromium, in English and Urdu, on a desktop
 * and a 390 px phone: dates as day/month/year, question pages (Back, the question as heading, the errors focused),
 * fees and times in words, a disabled service shown as unavailable, category names, the favicon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenDetailsIT {
    private static final String RENEWAL = "nadra.cnic-renewal";
    private static final String POLICE = "ictpolice.character-certificate";
    private static final List<String> LANGS = List.of("en", "ur");
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        centre = FRONT.centre();
        browser = FRONT.browser();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    @Test
    void datesAreTypedAsDayMonthYearAndReadBackSo() {
        for (String lang : LANGS) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/services/" + RENEWAL));
                browser.go(By.id("start"));
                browser.driver.findElement(By.id("f-tier-3")).click();
                browser.go(By.id("continue"));
                browser.type("f-cnic", "61101-1234567-1");
                browser.type("f-fullName", "Ayesha Khan");
                browser.go(By.id("continue"));
                browser.type("f-dateOfBirth", "12");
                browser.type("f-dateOfBirth-month", "5");
                browser.type("f-dateOfBirth-year", "1990");
                LocalDate expiry = LocalDate.now().plusDays(40);
                browser.type("f-cardExpiry", Integer.toString(expiry.getDayOfMonth()));
                browser.type("f-cardExpiry-month", Integer.toString(expiry.getMonthValue()));
                browser.type("f-cardExpiry-year", Integer.toString(expiry.getYear()));
                browser.go(By.id("continue"));
                assertFalse(browser.has(By.id("error-summary")), lang + " " + width + ": " + browser.html());
                browser.type("f-mobile", "03001234567");
                browser.go(By.id("continue"));
                String answers = browser.text(By.id("answers"));
                assertTrue(answers.contains("12/05/1990"), lang + " " + width + ": " + answers);
                assertFalse(answers.contains("1990-05-12"), answers);
                browser.accessible("check page with dates, " + lang + " " + width);
                browser.go(By.id("submit"));
                // the done page promises the chosen (fastest) speed's time, not the normal one's
                String promise = browser.text(By.tagName("main"));
                assertFalse(promise.contains("30"), lang + ": " + promise);
            }
        }
    }

    @Test
    void questionPagesHaveBackTheQuestionAsHeadingAndTheErrorsFocused() {
        for (String lang : LANGS) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/services/" + POLICE));
                String title = browser.text(By.tagName("h1"));
                browser.go(By.id("start"));
                assertTrue(browser.has(By.id("back")), "a Back link on the question page");
                String heading = browser.text(By.tagName("h1"));
                assertFalse(heading.equals(title), lang + ": the heading is the question, not the service: " + heading);
                browser.go(By.id("continue"));
                assertEquals("error-summary", js("return document.activeElement.id"), lang + " " + width + ": focus on the summary");
                browser.type("f-fullName", "Ayesha Khan");
                browser.type("f-cnic", "61101-1234567-1");
                browser.go(By.id("continue"));
                browser.driver.findElement(By.id("f-purpose-2")).click();
                browser.type("f-address", "House 1, Street 2, F-7/3, Islamabad");
                browser.go(By.id("continue"));
                // the last page asks one thing: its label is the page's heading
                assertEquals(1, browser.driver.findElements(By.tagName("h1")).size());
                WebElement h1 = browser.driver.findElement(By.tagName("h1"));
                assertTrue(h1.findElements(By.cssSelector("label[for=f-mobile]")).size() == 1, lang + ": " + h1.getText());
                browser.go(By.id("back"));
                assertTrue(browser.has(By.id("f-address")), "Back goes to the page before");
                browser.accessible("question page, " + lang + " " + width);
            }
        }
    }

    @Test
    void theTrackPageHeadingComesBeforeTheResult() throws Exception {
        String body = """
                {"serviceId":"nadra.cnic-renewal","tier":"normal","answers":{"cnic":"6110198765431","fullName":"Bilal Ahmed",
                 "dateOfBirth":"1985-05-05","cardExpiry":"%s","mobile":"03331234567"}}""".formatted(LocalDate.now().plusDays(60));
        var filed = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, filed.statusCode(), filed.body());
        String reference = ApplicationApiIT.JSON.readTree(filed.body()).get("reference").asText();
        for (String lang : LANGS) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/track"));
                browser.type("f-reference", reference);
                browser.type("f-cnic", "61101-9876543-1");
                browser.go(By.id("track"));
                assertEquals(Boolean.TRUE, js("return !!(document.querySelector('h1').compareDocumentPosition("
                        + "document.getElementById('result')) & Node.DOCUMENT_POSITION_FOLLOWING)"), lang + ": h1 before the result");
                String payment = browser.text(By.id("payment-state"));
                String pending = "ur".equals(lang) ? "زیر التوا" : "Payment pending";
                assertEquals(1, payment.split(pending, -1).length - 1, lang + ": said once: " + payment);
                assertTrue(payment.contains("ur".equals(lang) ? "750 روپے" : "PKR 750"), payment);
                String history = browser.text(By.id("history"));
                assertTrue(history.matches("(?s).*\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d.*"), lang + ": dates as day/month/year: " + history);
                browser.accessible("track result, " + lang + " " + width);
            }
        }
    }

    @Test
    void feesTimesAndCategoriesReadAsWords() {
        for (String lang : LANGS) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/"));
                String page = browser.text(By.tagName("main"));
                for (String bad : List.of("Rs 0", "Fee from Rs", "(?<![0-9])0 working days", "کاری دن", "فیس از", "روپے 0")) {
                    assertFalse(java.util.regex.Pattern.compile(bad).matcher(page).find(), lang + " " + width + ": the catalogue says " + bad);
                }
                String lost = browser.text(By.xpath("//li[.//a[@href='/services/ictpolice.lost-report']]"));
                assertTrue(lost.contains("ur".equals(lang) ? "کوئی فیس نہیں" : "No fee"), lost);
                assertTrue(lost.contains("ur".equals(lang) ? "اسی دن" : "The same day"), lost);
                @SuppressWarnings("unchecked")
                List<String> options = (List<String>) js("return [...document.querySelectorAll('#category option')].map(o => o.text)");
                assertFalse(options.contains("identity") || options.contains("life-events"), lang + ": raw ids " + options);
                assertTrue(options.contains("ur".equals(lang) ? "شناختی دستاویزات" : "Identity documents"), options.toString());
            }
        }
    }

    @Test
    void aDisabledServiceIsShownAsUnavailableWithItsReasonAndWhenItIsBack() {
        Staff admin = Staff.admin(centre);
        LocalDate back = LocalDate.now().plusDays(5);
        assertEquals(200, admin.post("/api/v1/services/" + POLICE + "/disable", "{\"reason\":\"Record system upgrade\","
                + "\"reasonUr\":\"ریکارڈ سسٹم کی اپ گریڈیشن\",\"until\":\"" + back + "\"}").statusCode());
        try {
            for (String lang : LANGS) {
                for (int width : Overlaps.WIDTHS) {
                    FRONT.visit(lang, width);
                    String reason = "ur".equals(lang) ? "ریکارڈ سسٹم کی اپ گریڈیشن" : "Record system upgrade";
                    String year = Integer.toString(back.getYear());
                    browser.open(centre.url("/?q=" + java.net.URLEncoder.encode("ur".equals(lang) ? "کریکٹر" : "character",
                            java.nio.charset.StandardCharsets.UTF_8)));
                    String off = browser.text(By.id("off-" + POLICE));
                    assertTrue(off.contains(reason) && off.contains(year), lang + " search: " + off);
                    browser.open(centre.url("/queue"));
                    off = browser.text(By.id("off-" + POLICE));
                    assertTrue(off.contains(reason) && off.contains(year), lang + " kiosk: " + off);
                    browser.accessible("kiosk with an unavailable service, " + lang + " " + width);
                    browser.open(centre.url("/appointments"));
                    assertTrue(browser.text(By.id("off-" + POLICE)).contains(reason), lang + " appointments");
                    browser.open(centre.url("/appointments/" + POLICE));
                    assertTrue(browser.has(By.id("unavailable")), lang + ": not 'Page not found': " + browser.html());
                    assertTrue(browser.text(By.id("reason")).contains(reason), browser.text(By.id("reason")));
                }
            }
        } finally {
            admin.post("/api/v1/services/" + POLICE + "/enable", "");
        }
    }

    @Test
    void theCatalogueIsBrowsedByLifeEventAndByTopicAndSearchForgivesASpellingMistake() {
        for (String lang : LANGS) {
            for (int width : Overlaps.WIDTHS) {
                FRONT.visit(lang, width);
                browser.open(centre.url("/"));
                assertTrue(browser.has(By.id("by-event")) && browser.has(By.id("by-topic")), lang + " " + width);
                browser.go(By.id("event-baby"));
                assertEquals("ur".equals(lang) ? "بچے کی پیدائش" : "Having a baby", browser.text(By.id("event")));
                assertTrue(browser.has(By.cssSelector("a[href='/services/ictadmin.birth-certificate']")), "the birth certificate");
                assertFalse(browser.has(By.cssSelector("a[href='/services/dgip.passport-new']")), "only the event's services");
                browser.accessible("a life event, " + lang + " " + width);
                browser.open(centre.url("/"));
                browser.go(By.id("topic-passports"));
                assertTrue(browser.has(By.cssSelector("a[href='/services/dgip.passport-new']")));
                browser.open(centre.url("/"));
                browser.type("q", "ur".equals(lang) ? "پاسپورت" : "pasport");
                browser.go(By.id("search"));
                String first = browser.driver.findElement(By.cssSelector("ul.services li a")).getAttribute("href");
                assertTrue(first.contains("/services/dgip.passport"), lang + ": a passport service first, not " + first);
            }
        }
    }

    @Test
    void theCentreHasAFavicon() {
        assertEquals(200, centre.get("/assets/favicon.svg").statusCode());
        var ico = centre.get("/favicon.ico");
        assertTrue(ico.statusCode() == 200 || ico.statusCode() == 301, "favicon.ico: " + ico.statusCode());
        for (String lang : LANGS) {
            FRONT.visit(lang, 1280);
            assertEquals("/assets/favicon.svg", js("const l = document.querySelector('link[rel=icon]'); return l && l.getAttribute('href')"));
        }
    }
}
