package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agency inbox and the application page in Chromium, in English and Urdu, on a desktop and a 390 px phone:
 * titles and state names instead of ids, the fee's payment state, only the moves that can succeed now, a confirmed
 * move, HTML (never JSON) for a console page, and the CNIC shown whole to the owning agency's officer, audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxConsoleIT {
    private static final String POLICE = "ictpolice.character-certificate";
    private static final String PASSWORD = "a-long-staff-password";
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;
    private Staff admin;

    @BeforeAll
    void start() throws Exception {
        centre = FRONT.centre();
        browser = FRONT.browser();
        admin = Staff.admin(centre);
        admin.createAccount("nadra-officer", PASSWORD, "AGENCY", "nadra");
    }

    private List<String> moves() {
        return browser.driver.findElements(By.cssSelector("input[name=to]")).stream().map(e -> e.getAttribute("value")).toList();
    }

    @Test
    void theInboxShowsTitlesStateNamesAndWhetherTheFeeIsPaid() {
        String unpaid = FRONT.file(ApplicationApiIT.police("6110112345671", "Ayesha Khan"));
        String paid = FRONT.file(ApplicationApiIT.police("6110112345672", "Bilal Ahmed"));
        centre.pay(paid, "6110112345672");
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        for (int width : Browser.WIDTHS) {
            browser.width(width);
            browser.open(centre.url("/agency/inbox?agency=ictpolice&lang=en"));
            browser.assertLanguage("en");
            String a = browser.text(By.id("application-" + unpaid));
            assertTrue(a.contains("Police character certificate") && a.contains("Submitted") && a.contains("Not paid"), a);
            assertFalse(a.contains(POLICE) || a.contains("submitted"), "ids are not shown: " + a);
            assertTrue(browser.text(By.id("application-" + paid)).contains("Paid"), browser.text(By.id("application-" + paid)));
            browser.accessible("inbox, " + width + " px");
            browser.assertFits(width);

            browser.open(centre.url("/agency/inbox?agency=ictpolice&lang=ur"));
            browser.assertLanguage("ur");
            String u = browser.text(By.id("application-" + unpaid));
            assertTrue(u.contains("پولیس کریکٹر سرٹیفکیٹ") && u.contains("جمع کرائی گئی"), u);
            browser.accessible("inbox in Urdu, " + width + " px");
            browser.assertFits(width);
        }
    }

    @Test
    void theApplicationPageOffersOnlyTheMovesThatCanSucceedAndConfirmsAMove() {
        String ref = FRONT.file(ApplicationApiIT.police("6110112345673", "Sana Malik"));
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        for (int width : Browser.WIDTHS) {
            browser.width(width);
            for (String lang : List.of("en", "ur")) {
                browser.open(centre.url("/agency/applications/" + ref + "?lang=" + lang));
                browser.assertLanguage(lang);
                assertTrue(browser.has(By.cssSelector("#payment.unpaid")), "the fee is shown as not paid");
                assertEquals(List.of("rejected"), moves(), "before payment only a refusal can succeed");
                browser.accessible("application page (" + lang + ", " + width + " px)");
                browser.assertFits(width);
            }
        }
        browser.open(centre.url("/agency/applications/" + ref + "?lang=en"));
        assertTrue(browser.text(By.id("payment")).contains("Not paid"), browser.text(By.id("payment")));
        centre.pay(ref, "6110112345673");
        browser.open(centre.url("/agency/applications/" + ref + "?lang=en"));
        assertTrue(browser.text(By.id("payment")).contains("Paid"), browser.text(By.id("payment")));
        assertEquals(List.of("verification", "rejected"), moves());
        browser.driver.findElement(By.cssSelector("input[value=verification]")).click();
        browser.go(By.id("move"));
        assertTrue(browser.text(By.id("note")).contains("Record check at police station"), browser.text(By.id("note")));
        assertTrue(browser.text(By.id("status")).contains("Record check at police station"));
        browser.accessible("application page after a move");
    }

    @Test
    void aConsolePageNeverAnswersWithJson() {
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        for (String path : List.of("/agency/applications/ZZZZ-ZZZZ-Z", "/agency/inbox?limit=0", "/admin/nothing-here")) {
            browser.open(centre.url(path));
            assertTrue(browser.has(By.tagName("h1")), path + " is an HTML page: " + browser.html());
            assertFalse(browser.html().contains("\"error\""), path + " answers JSON: " + browser.html());
            assertTrue(browser.has(By.id("logout")), path + " keeps the console's frame");
            browser.accessible(path);
        }
        HttpResponse<String> r = admin.get("/agency/applications/ZZZZ-ZZZZ-Z");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.body());
    }

    @Test
    void theOwningAgencysOfficerSeesTheCnicWholeAndTheViewIsAudited() {
        String ref = FRONT.file("""
                {"serviceId":"nadra.cnic-renewal","tier":"normal","answers":{"cnic":"61101-7654321-9","fullName":"Hina Shah",
                 "dateOfBirth":"1990-01-01","cardExpiry":"2026-12-31","mobile":"0300 1112223"}}""");
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        browser.open(centre.url("/agency/applications/" + ref + "?lang=en"));
        assertFalse(browser.html().contains("7654321"), "an admin sees the CNIC masked");
        FRONT.login("nadra-officer", PASSWORD);
        for (int width : Browser.WIDTHS) {
            browser.width(width);
            browser.open(centre.url("/agency/applications/" + ref + "?lang=en"));
            WebElement cnic = browser.driver.findElement(By.id("cnic"));
            assertEquals("61101-7654321-9", cnic.getText());
            assertTrue(browser.text(By.id("cnic-audited")).contains("recorded"), browser.text(By.id("cnic-audited")));
            browser.accessible("application page of the officer, " + width + " px");
        }
        browser.open(centre.url("/agency/applications/" + ref + "?lang=ur"));
        assertTrue(browser.text(By.id("cnic")).contains("61101-7654321-9"));
        String log = admin.get("/api/v1/audit?q=" + ref + "&limit=50").body();
        assertTrue(log.contains("application.cnic-view") && log.contains("nadra-officer"), log);
        assertFalse(log.contains("7654321"), "the audit text holds no CNIC: " + log);
    }

    /**
     * The application page shows dates as people write them (day/month/year, as the citizen typed them), not as stored,
     * its fee due as money is written on the citizen's pages, and in Urdu its heading (the reference) stands on the right
     * like every heading, in both languages and widths.
     */
    @Test
    void theApplicationPageShowsDatesAndMoneyAsPeopleWriteThemAndItsHeadingOnTheReadingSide() {
        String ref = FRONT.file("""
                {"serviceId":"nadra.cnic-renewal","tier":"normal","answers":{"cnic":"61101-7654321-8","fullName":"Hina Shah",
                 "dateOfBirth":"1990-01-31","cardExpiry":"2026-12-31","mobile":"0300 1112223"}}""");
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        for (String lang : List.of("en", "ur")) {
            for (int width : Browser.WIDTHS) {
                browser.width(width);
                browser.open(centre.url("/agency/applications/" + ref + "?lang=" + lang));
                browser.assertLanguage(lang);
                assertEquals("31/01/1990", browser.text(By.id("answer-dateOfBirth")), lang + " " + width);
                // the fee due written as on the citizen's pages (it said "Rs 750 due" beside "PKR 750" there)
                String fee = browser.text(By.id("payment"));
                assertTrue(fee.contains("en".equals(lang) ? "PKR 750" : "750 روپے") && !fee.contains("Rs "), lang + ": " + fee);
                Object side = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("""
                        const h = document.querySelector('h1'), r = document.createRange(); r.selectNodeContents(h);
                        const text = r.getBoundingClientRect(), box = h.getBoundingClientRect();
                        return Math.round(arguments[0] === 'ur' ? box.right - text.right : text.left - box.left);""", lang);
                assertTrue(((Number) side).intValue() <= 2, lang + " " + width + ": the heading is " + side + " px off the reading side");
            }
        }
    }
}
