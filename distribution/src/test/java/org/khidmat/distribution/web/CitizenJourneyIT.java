package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A citizen's journeys in real headless Chromium against the real distribution, in English and in Urdu, with
 * axe-core run on every citizen page; a disabled service; and the agency moving an application along.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenJourneyIT {
    private static final String POLICE = "ictpolice.character-certificate";
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        centre = FRONT.centre();
        browser = FRONT.browser();
    }

    @Test
    @Order(1)
    void englishJourneyFromSearchToTracking() {
        browser.open(centre.url("/?lang=en"));
        browser.assertLanguage("en");
        browser.accessible("catalogue");
        browser.type("q", "character certificate");
        browser.go(By.id("search"));
        assertTrue(browser.has(By.linkText("Police character certificate")), browser.html());
        assertFalse(browser.has(By.linkText("Renew your CNIC")), "search narrows the list");
        browser.accessible("catalogue with a search");

        browser.go(By.linkText("Police character certificate"));
        assertTrue(browser.text(By.id("fees")).contains("7 working days"));
        assertTrue(browser.html().contains("Two recent passport-size photographs"));
        browser.accessible("start page");
        browser.go(By.id("start"));

        browser.type("f-fullName", "Ayesha Khan");
        browser.type("f-cnic", "61101-123456");
        browser.go(By.id("continue"));
        assertTrue(browser.text(By.id("error-summary")).contains("CNIC number must be 13 digits"));
        assertTrue(browser.text(By.id("cnic-error")).contains("13 digits"), "the message is at the field");
        assertEquals("#f-cnic", URI.create(browser.driver.findElement(By.cssSelector("#error-summary a")).getAttribute("href"))
                .getRawFragment().transform(f -> "#" + f));
        assertTrue(browser.driver.getTitle().startsWith("Error"));
        browser.accessible("form page with errors");
        browser.type("f-cnic", "61101-1234567-1");
        browser.go(By.id("continue"));

        browser.driver.findElement(By.id("f-purpose-2")).click();
        browser.type("f-address", "House 1, Street 2, F-7/3, Islamabad");
        browser.accessible("form page 2");
        browser.go(By.id("continue"));
        browser.type("f-mobile", "0300 1234567");
        browser.go(By.id("continue"));

        String answers = browser.text(By.id("answers"));
        assertTrue(answers.contains("61101-1234567-1") && answers.contains("Visa or immigration"), answers);
        browser.accessible("check your answers");
        browser.go(By.cssSelector("a[href*='page/1?change=1#f-fullName']"));
        browser.type("f-fullName", "Ayesha Noor Khan");
        browser.go(By.id("continue"));
        assertTrue(browser.text(By.id("answers")).contains("Ayesha Noor Khan"), "Change returns to the check page");
        browser.go(By.id("submit"));

        String reference = browser.text(By.id("reference"));
        assertTrue(reference.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]"), reference);
        assertFalse(browser.driver.getCurrentUrl().contains("61101"), "no CNIC in URLs");
        browser.accessible("confirmation");

        browser.go(By.id("track-link"));
        browser.accessible("track form");
        browser.type("f-reference", reference);
        browser.type("f-cnic", "61101-1234567-2");
        browser.go(By.id("track"));
        assertTrue(browser.text(By.id("error-summary")).contains("No application matches"));
        assertFalse(browser.has(By.id("result")));
        browser.accessible("track with an error");
        browser.type("f-cnic", "6110112345671");
        browser.go(By.id("track"));
        assertEquals("Submitted", browser.text(By.id("status")));
        assertTrue(browser.text(By.id("history")).contains("Submitted"));
        browser.accessible("track result");
    }

    @Test
    @Order(2)
    void urduJourneyRightToLeftAndRemembered() {
        browser.open(centre.url("/"));
        browser.go(By.id("lang-switch"));
        browser.assertLanguage("ur");
        browser.open(centre.url("/"));
        browser.assertLanguage("ur");
        browser.type("q", "شناختی کارڈ کی تجدید");
        browser.go(By.id("search"));
        browser.accessible("Urdu catalogue");
        browser.go(By.linkText("شناختی کارڈ کی تجدید"));
        browser.assertLanguage("ur");
        assertTrue(browser.text(By.id("fees")).contains("ایگزیکٹو"));
        browser.accessible("Urdu start page");
        browser.go(By.id("start"));

        browser.accessible("Urdu tier page");
        browser.go(By.id("continue"));
        assertTrue(browser.text(By.id("error-summary")).contains("رفتار"), "a speed must be chosen");
        browser.driver.findElement(By.id("f-tier-2")).click();
        browser.go(By.id("continue"));

        // the example CNIC in the hint is isolated left to right, so Chromium draws its first digit left of its last
        assertEquals("61101-1234567-1 left to right", ((JavascriptExecutor) browser.driver).executeScript(
                "const t = document.querySelector('#cnic-hint bdi[dir=ltr]').firstChild, r = document.createRange();"
                + " r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect().left;"
                + " r.setStart(t, t.length - 1); r.setEnd(t, t.length);"
                + " return t.data + (first < r.getBoundingClientRect().left ? ' left to right' : ' reversed');"));
        browser.type("f-cnic", "1234");
        browser.type("f-fullName", "عائشہ خان");
        browser.go(By.id("continue"));
        browser.assertLanguage("ur");
        assertTrue(browser.text(By.id("cnic-error")).contains("13 ہندسوں"));
        browser.accessible("Urdu form page with errors");
        browser.type("f-cnic", "3520212345671");
        browser.go(By.id("continue"));
        browser.typeDate("f-dateOfBirth", LocalDate.of(1990, 1, 31));
        browser.typeDate("f-cardExpiry", LocalDate.now().plusDays(30));
        browser.go(By.id("continue"));
        browser.type("f-mobile", "03211234567");
        browser.go(By.id("continue"));
        assertTrue(browser.text(By.id("answers")).contains("35202-1234567-1"));
        browser.accessible("Urdu check your answers");
        browser.go(By.id("submit"));
        String reference = browser.text(By.id("reference"));
        browser.assertLanguage("ur");
        browser.accessible("Urdu confirmation");

        browser.go(By.id("track-link"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", "35202-1234567-1");
        browser.go(By.id("track"));
        assertEquals("جمع کرائی گئی", browser.text(By.id("status")));
        browser.accessible("Urdu track result");
        browser.go(By.id("lang-switch"));
        browser.assertLanguage("en");
        assertTrue(browser.has(By.id("f-reference")), "the switch stays on the same page");
    }

    @Test
    @Order(3)
    void aDisabledServiceIsListedAsUnavailableAndItsLinkSaysWhy() {
        Staff admin = Staff.admin(centre);
        assertEquals(200, admin.post("/api/v1/services/" + POLICE + "/disable", "{\"reason\":\"Record system upgrade until Monday\"}")
                .statusCode());
        try {
            browser.open(centre.url("/?lang=en"));
            assertTrue(browser.text(By.id("off-" + POLICE)).contains("Temporarily unavailable: Record system upgrade until Monday"),
                    "listed, marked unavailable with the reason");
            assertTrue(browser.has(By.linkText("Renew your CNIC")));
            browser.type("q", "police");
            browser.go(By.id("search"));
            assertTrue(browser.has(By.id("off-" + POLICE)), "found by search, marked unavailable");
            browser.open(centre.url("/services/" + POLICE));
            assertTrue(browser.text(By.id("unavailable")).contains("temporarily unavailable"));
            assertTrue(browser.text(By.id("reason")).contains("Record system upgrade until Monday"));
            browser.accessible("unavailable page");
        } finally {
            admin.post("/api/v1/services/" + POLICE + "/enable", "");
        }
    }

    @Test
    @Order(4)
    void theAgencyApprovesAndTheCitizenSeesItInTheHistory() throws Exception {
        String body = """
                {"serviceId":"nadra.cnic-renewal","tier":"normal","answers":{"cnic":"6110198765431","fullName":"Bilal Ahmed",
                 "dateOfBirth":"1985-05-05","cardExpiry":"%s","mobile":"03331234567"}}""".formatted(LocalDate.now().plusDays(60));
        var filed = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, filed.statusCode(), filed.body());
        String reference = ApplicationApiIT.JSON.readTree(filed.body()).get("reference").asText();
        centre.pay(reference, "6110198765431");

        Staff.admin(centre).createAccount("nadra-sana", "a-long-staff-password", "AGENCY", "nadra");
        browser.open(centre.url("/agency/inbox"));
        browser.type("username", "nadra-sana");
        browser.type("password", "a-long-staff-password");
        browser.go(By.id("login"));
        browser.accessible("agency console");
        browser.open(centre.url("/agency/inbox?service=nadra.cnic-renewal&status=submitted"));
        browser.accessible("agency inbox");
        assertTrue(browser.text(By.id("inbox")).contains("61101-*******-1"), "CNICs are masked in the inbox");
        assertFalse(browser.html().contains("6110198765431"));
        browser.go(By.linkText(reference));
        browser.driver.findElement(By.cssSelector("input[name=to][value=in-review]")).click();
        browser.go(By.id("move"));
        browser.driver.findElement(By.cssSelector("input[name=to][value=approved]")).click();
        browser.type("f-note", "Biometrics verified");
        browser.go(By.id("move"));
        assertTrue(browser.text(By.id("status")).contains("Approved"));

        browser.open(centre.url("/track?lang=en"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", "61101-9876543-1");
        browser.go(By.id("track"));
        assertEquals("Approved, card printing", browser.text(By.id("status")));
        String history = browser.text(By.id("history"));
        assertTrue(history.contains("In review") && history.contains("Approved, card printing")
                && history.contains("Biometrics verified"), history);
        browser.open(centre.url("/agency"));
        browser.go(By.id("logout"));
        browser.open(centre.url("/agency/inbox"));
        assertTrue(browser.has(By.id("password")), "after logging out the inbox asks for a login again");
    }
}
