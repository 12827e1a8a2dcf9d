package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;

/**
 * The admin's and the counter's consoles in Chromium, on a desktop and a 390 px phone: times in the centre's zone
 * with its label, the account form (every problem at once, no account for an agency the centre does not have, no
 * disabling one's own account), a withdrawal that asks first and says what citizens lose, and the counter's waiting
 * list that follows the hall by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleIT {
    private static final Pattern WHEN = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})(:\\d{2})? PKT");
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;
    private Staff admin;

    @BeforeAll
    void start() {
        centre = FRONT.centre();
        browser = FRONT.browser();
        admin = FRONT.admin();
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
    }

    /**
     * Each test starts in English: a test that looks at the Urdu pages leaves the language chosen for the visit
     * (the language cookie) set to Urdu, as a person's browser would keep it.
     */
    @org.junit.jupiter.api.BeforeEach
    void inEnglish() {
        browser.open(centre.url("/?lang=en"));
    }

    /** Asserts the element shows a time labelled PKT that is the centre's time now, give or take ten minutes. */
    private void assertCentreTime(By where) {
        // all of the row's text, also the cells scrolled out of a phone's view (WebDriver's text is only what is seen)
        String text = browser.driver.findElement(where).getAttribute("textContent");
        Matcher m = WHEN.matcher(text);
        assertTrue(m.find(), "no time labelled PKT in: " + text);
        LocalDateTime shown = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Karachi"));
        assertTrue(Duration.between(shown, now).abs().toMinutes() <= 10, "shown " + shown + ", the centre's time is " + now);
    }

    @Test
    void staffTimesAreTheCentresWithItsLabel() {
        HttpResponse<String> filed = centre.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        ApplicationApiIT.police("6110112345679", "Usman Tariq"))));
        assertEquals(201, filed.statusCode(), filed.body());
        assertEquals(200, admin.put("/api/v1/bundles", StaffApiIT.bundle("delta", "1.0.0", "Delta permit")).statusCode());
        for (int width : Browser.WIDTHS) {
            browser.width(width);
            for (String lang : java.util.List.of("en", "ur")) {
                String as = width + " px, " + lang;
                browser.open(centre.url("/admin/audit?lang=" + lang));
                browser.assertLanguage(lang);
                assertCentreTime(By.cssSelector("#audit tbody tr"));
                browser.assertFits(width);
                browser.accessible("audit log, " + as);
                browser.open(centre.url("/admin?lang=" + lang));
                assertCentreTime(By.id("bundle-org.test.delta"));
                browser.assertFits(width);
                browser.accessible("admin console, " + as);
                browser.open(centre.url("/admin/messages?lang=" + lang));
                assertCentreTime(By.cssSelector("#outbox tbody tr"));
                browser.assertFits(width);
                browser.accessible("outbox, " + as);
                browser.open(centre.url("/admin/accounts?lang=" + lang));
                browser.assertFits(width);
                browser.accessible("staff accounts, " + as);
            }
        }
    }

    @Test
    void theAccountFormReportsEveryProblemAtOnceAndKnowsTheAgencies() {
        for (int width : Browser.WIDTHS) {
          for (String lang : java.util.List.of("en", "ur")) {
            browser.width(width);
            browser.open(centre.url("/admin/accounts?lang=" + lang));
            browser.assertLanguage(lang);
            browser.type("new-username", "X!");
            browser.type("new-password", "short");
            browser.driver.findElement(By.cssSelector("#new-role option[value=AGENCY]")).click();
            browser.type("new-agency", "nosuch");
            browser.go(By.id("create-account"));
            String summary = browser.text(By.id("error-summary"));
            browser.assertLanguage(lang);
            assertTrue(summary.contains("nosuch") && summary.contains("12") && ("ur".equals(lang)
                    || summary.contains("username") && summary.contains("12 characters")), lang + ": " + summary);
            assertTrue(browser.driver.findElements(By.cssSelector("#error-summary li")).size() >= 3, lang + ": every problem: " + summary);
            assertTrue(browser.has(By.id("new-username-error")) && browser.has(By.id("new-password-error"))
                    && browser.has(By.id("new-agency-error")), "each field says what is wrong with it");
            assertEquals("nosuch", browser.driver.findElement(By.id("new-agency")).getAttribute("value"), "answers are kept");
            browser.accessible("account form with errors, " + lang + ", " + width + " px");
            browser.assertFits(width);
          }
        }
        browser.type("new-username", "ghost-staff");
        browser.type("new-password", "a-long-staff-password");
        browser.type("new-agency", "nosuch");
        browser.go(By.id("create-account"));
        assertTrue(browser.text(By.id("new-agency-error")).contains("nosuch"), browser.text(By.id("new-agency-error")));
        assertFalse(browser.has(By.id("account-ghost-staff")), "no account for an agency the centre does not have");
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        browser.open(centre.url("/admin/accounts"));
        assertTrue(browser.text(By.id("account-admin")).contains("Enabled"));
        assertFalse(browser.has(By.id("disable-admin")), "no button to disable oneself");
        assertTrue(browser.text(By.id("account-admin")).contains("you"), browser.text(By.id("account-admin")));
        for (int width : Browser.WIDTHS) {
            browser.width(width);
            browser.open(centre.url("/admin/accounts?lang=ur"));
            browser.assertLanguage("ur");
            assertFalse(browser.has(By.id("disable-admin")), "no button to disable oneself in Urdu either");
            browser.accessible("staff accounts in Urdu, " + width + " px");
            browser.assertFits(width);
        }
    }

    @Test
    void withdrawingAsksToConfirmAndNamesWhatCitizensLose() {
        assertEquals(200, admin.put("/api/v1/bundles", StaffApiIT.bundle("gamma", "1.0.0", "Gamma permit")).statusCode());
        for (int width : Browser.WIDTHS) {
          for (String lang : java.util.List.of("en", "ur")) {
            browser.width(width);
            browser.open(centre.url("/admin?lang=" + lang));
            // on a phone the actions column is scrolled out of its box (in Urdu to the left): swipe it in, as a person does
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", browser.driver.findElement(By.id("withdraw-org.test.gamma")));
            assertTrue(browser.driver.findElement(By.id("withdraw-org.test.gamma")).isDisplayed(), lang + " " + width + " px: Withdraw is shown");
            browser.go(By.id("withdraw-org.test.gamma"));
            browser.assertLanguage(lang);
            assertTrue(browser.text(By.tagName("h1")).contains("org.test.gamma"), browser.text(By.tagName("h1")));
            String lose = browser.text(By.id("citizens-lose"));
            assertTrue(lose.contains("gamma.permit") && lose.contains("en".equals(lang) ? "Gamma permit" : "ٹیسٹ سروس"), lang + ": " + lose);
            browser.accessible("withdraw confirmation, " + lang + ", " + width + " px");
            browser.assertFits(width);
            browser.go(By.id("cancel"));
            assertTrue(browser.has(By.id("bundle-org.test.gamma")), "nothing is withdrawn before it is confirmed");
          }
        }
        browser.open(centre.url("/admin?lang=en"));
        browser.go(By.id("withdraw-org.test.gamma"));
        browser.go(By.id("confirm-withdraw"));
        assertTrue(browser.text(By.id("note")).contains("org.test.gamma"), browser.text(By.id("note")));
        assertFalse(browser.has(By.id("bundle-org.test.gamma")));
    }

    @Test
    void theCountersWaitingListUpdatesByItself() throws Exception {
        Staff operator = admin.createAccount("counter-one", "a-long-staff-password", "OPERATOR", null);
        assertEquals(200, operator.get("/api/v1/session").statusCode());
        for (int width : Browser.WIDTHS) {
          for (String lang : java.util.List.of("en", "ur")) {
            browser.width(width);
            browser.open(centre.url("/counter?lang=" + lang));
            if (browser.has(By.id("choose-counter"))) {
                browser.go(By.id("choose-counter"));
            }
            assertTrue(browser.has(By.id("waiting")), browser.html());
            browser.assertFits(width);
            browser.accessible("counter, " + lang + ", " + width + " px");
            HttpResponse<String> token = centre.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(centre.url("/api/v1/queue/tokens")))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"service\":\"fbr.ntn-registration\"}")));
            assertEquals(201, token.statusCode(), token.body());
            String number = Staff.read(token).get("number").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!browser.text(By.id("waiting")).contains(number) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue(browser.text(By.id("waiting")).contains(number),
                    lang + " " + width + " px: the waiting list shows " + number + " without a reload: " + browser.text(By.id("waiting")));
            browser.assertLanguage(lang);
          }
        }
    }
}
