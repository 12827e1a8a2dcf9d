package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;

/**
 * The admin and agency consoles in real headless Chromium against the real distribution: login, disabling and
 * enabling a service (what citizens see), uploading a new bundle version and rolling it back, staff accounts
 * and tokens, the audit log, and an agency that can deploy its own bundle only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final String POLICE = "ictpolice.character-certificate";
    private static final String PASSWORD = "a-long-staff-password";
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    /** The bundles the consoles upload. */
    @TempDir
    static Path temp;
    private Centre centre;
    private Browser browser;

    @BeforeAll
    void start() {
        centre = FRONT.centre();
        browser = FRONT.browser();
    }

    private Path jar(String agency, String version, String title) throws Exception {
        Path file = temp.resolve("org.test." + agency + "-" + version + ".jar");
        Files.write(file, StaffApiIT.bundle(agency, version, title));
        return file;
    }

    private void upload(Path file) {
        browser.driver.findElement(By.id("bundle")).sendKeys(file.toAbsolutePath().toString());
        browser.go(By.id("upload"));
    }

    private String row(String id) {
        return browser.text(By.id(id));
    }

    @Test
    @Order(1)
    void theAdminLogsInAfterAWrongPassword() {
        browser.open(centre.url("/admin"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/login"), "the console asks for a login first");
        browser.accessible("login page");
        browser.type("username", "admin");
        browser.type("password", "not-the-password");
        browser.go(By.id("login"));
        assertTrue(browser.text(By.id("login-error")).contains("Wrong username or password"));
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/admin"), browser.driver.getCurrentUrl());
        assertEquals("admin", browser.text(By.id("who")));
        assertTrue(row("bundles").contains("org.khidmat.plugins.ictpolice"));
        browser.accessible("admin console");
    }

    @Test
    @Order(2)
    void disablingAServiceMarksItUnavailableWithTheReasonInBothLanguagesAndEnablingBringsItBack() {
        browser.open(centre.url("/admin"));
        browser.type("reason-" + POLICE, "Record system upgrade until Monday");
        browser.type("reason-" + POLICE + "-ur", "پیر تک ریکارڈ سسٹم کی اپ گریڈیشن");
        browser.type("reason-" + POLICE + "-until", "07/12/2099");
        browser.go(By.id("disable-" + POLICE));
        assertTrue(browser.text(By.id("note")).contains("Disabled " + POLICE));
        assertTrue(row("service-" + POLICE).contains("Disabled: Record system upgrade until Monday"));

        browser.open(centre.url("/?lang=en"));
        assertTrue(browser.text(By.id("off-" + POLICE)).contains("Record system upgrade until Monday"),
                "the catalogue lists it as unavailable, with the reason");
        assertTrue(browser.text(By.id("off-" + POLICE)).contains("7 December 2099"), "and the day it is back");
        browser.open(centre.url("/services/" + POLICE));
        assertTrue(browser.text(By.id("reason")).contains("Record system upgrade until Monday"));
        browser.open(centre.url("/services/" + POLICE + "?lang=ur"));
        assertTrue(browser.text(By.id("reason")).contains("پیر تک ریکارڈ سسٹم کی اپ گریڈیشن"), "the Urdu reason in Urdu");
        browser.open(centre.url("/?lang=en"));

        browser.open(centre.url("/admin"));
        browser.go(By.id("enable-" + POLICE));
        assertTrue(row("service-" + POLICE).contains("Enabled"));
        browser.open(centre.url("/?lang=en"));
        assertTrue(browser.has(By.linkText("Police character certificate")));
    }

    @Test
    @Order(3)
    void theAdminUploadsANewVersionSeesItLiveAndRollsItBack() throws Exception {
        browser.open(centre.url("/admin"));
        upload(jar("alpha", "1.0.0", "Alpha permit"));
        assertTrue(browser.text(By.id("note")).contains("deployed org.test.alpha 1.0.0"), browser.text(By.id("note")));
        upload(jar("beta", "1.0.0", "Beta permit"));
        upload(jar("alpha", "1.1.0", "Alpha permit, second edition"));
        assertTrue(browser.text(By.id("note")).contains("updated"), browser.text(By.id("note")));
        String alpha = row("bundle-org.test.alpha");
        assertTrue(alpha.contains("1.1.0") && alpha.contains("alpha.permit") && alpha.contains("admin"), alpha);
        assertEquals("1.1.0", browser.text(By.cssSelector("#bundle-org\\.test\\.alpha .version")));
        assertEquals(64, browser.text(By.cssSelector("#bundle-org\\.test\\.alpha .sha")).length());
        browser.open(centre.url("/services/alpha.permit?lang=en"));
        assertTrue(browser.html().contains("Alpha permit, second edition"), "the new version is live");

        browser.open(centre.url("/admin"));
        browser.go(By.id("rollback-org.test.alpha"));
        assertTrue(browser.text(By.id("note")).contains("rolled back"), browser.text(By.id("note")));
        assertEquals("1.0.0", browser.text(By.cssSelector("#bundle-org\\.test\\.alpha .version")));
        browser.open(centre.url("/services/alpha.permit?lang=en"));
        assertTrue(browser.html().contains("Alpha permit") && !browser.html().contains("second edition"));
    }

    @Test
    @Order(4)
    void theAdminManagesStaffAccountsAndTokensAndReadsTheAuditLog() {
        browser.open(centre.url("/admin/accounts"));
        browser.type("new-username", "alpha-staff");
        browser.type("new-password", PASSWORD);
        browser.driver.findElement(By.cssSelector("#new-role option[value=AGENCY]")).click();
        browser.type("new-agency", "alpha");
        browser.go(By.id("create-account"));
        assertTrue(browser.text(By.id("note")).contains("alpha-staff"), browser.text(By.id("note")));
        assertTrue(row("account-alpha-staff").contains("AGENCY") && row("account-alpha-staff").contains("alpha"));
        browser.accessible("staff accounts");
        browser.type("label-alpha-staff", "CI of alpha");
        browser.go(By.id("token-alpha-staff"));
        String token = browser.text(By.id("new-token"));
        assertTrue(token.startsWith("kh_"), token);
        browser.open(centre.url("/admin/accounts"));
        assertFalse(browser.html().contains(token), "a token is shown once only");
        assertTrue(row("tokens").contains("CI of alpha"));

        browser.open(centre.url("/admin/audit"));
        browser.accessible("audit log");
        browser.type("q", "alpha");
        browser.go(By.id("search"));
        String log = row("audit");
        assertTrue(log.contains("bundle.rollback") && log.contains("account.create") && log.contains("token.issue"), log);
        browser.go(By.id("verify"));
        assertTrue(browser.text(By.id("verify-result")).contains("intact"));
    }

    @Test
    @Order(5)
    void anAgencyUploadsItsOwnBundleAndCannotSeeOrTouchAnotherAgencys() throws Exception {
        browser.go(By.id("logout"));
        FRONT.login("alpha-staff", PASSWORD);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/agency"), browser.driver.getCurrentUrl());
        assertTrue(row("bundles").contains("org.test.alpha"));
        assertFalse(row("bundles").contains("org.test.beta") || row("bundles").contains("ictpolice"), row("bundles"));
        browser.accessible("agency console");

        upload(jar("alpha", "1.2.0", "Alpha permit, third edition"));
        assertTrue(browser.text(By.id("note")).contains("updated"), browser.text(By.id("note")));
        assertEquals("1.2.0", browser.text(By.cssSelector("#bundle-org\\.test\\.alpha .version")));
        assertTrue(row("history").contains("bundle.update"), row("history"));

        upload(jar("beta", "2.0.0", "Taken over"));
        String refused = browser.text(By.id("note"));
        assertTrue(refused.contains("services of agency beta") && refused.contains("alpha"), refused);
        assertFalse(row("bundles").contains("org.test.beta"));
        browser.open(centre.url("/services/beta.permit?lang=en"));
        assertFalse(browser.html().contains("Taken over"), "beta's bundle is untouched");

        browser.open(centre.url("/admin"));
        assertTrue(browser.has(By.id("forbidden")), "agency staff cannot open the admin console");
        browser.open(centre.url("/agency/inbox"));
        assertTrue(browser.text(By.tagName("h1")).contains("alpha"));
        assertFalse(browser.has(By.id("agency")), "agency staff cannot choose another agency's inbox");
    }
}
