package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hall of the centre in real headless Chromium against the real distribution, with three browsers: the kiosk
 * (a citizen), the hall screen, and a counter (an operator). A token taken at the kiosk is called at counter 3 and
 * shows on the hall screen without a reload; the operator files the citizen's application from the token and the
 * two are tied. A citizen books an appointment and the slot has one place less. axe-core runs on every new page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloorIT {
    private static final String POLICE = "ictpolice.character-certificate";
    private static final String RENEWAL = "nadra.cnic-renewal";
    private static final String PASSWORD = "a-long-staff-password";
    private static final Pattern URDU = Pattern.compile("[\\u0600-\\u06FF]");
    @TempDir
    static Path temp;
    private Centre centre;
    private Staff operatorApi;
    private Browser kiosk;
    private Browser hall;
    private Browser counter;

    @BeforeAll
    void start() throws Exception {
        Browser.assumeAvailable();
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).start();
        operatorApi = Staff.admin(centre).createAccount("counter-three", PASSWORD, "OPERATOR", null);
        kiosk = new Browser(temp.resolve("kiosk"));
        hall = new Browser(temp.resolve("hall"));
        counter = new Browser(temp.resolve("counter"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            for (Browser b : new Browser[] {kiosk, hall, counter}) {
                if (b != null) {
                    b.close();
                }
            }
        } finally {
            if (centre != null) {
                centre.stop();
            }
        }
    }

    private static WebDriverWait waiting(Browser b) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(15));
    }

    @Test
    @Order(1)
    void aTokenTakenAtTheKioskIsCalledLiveOnTheHallScreenAndItsApplicationIsTiedToIt() throws Exception {
        hall.open(centre.url("/display?lang=en"));
        hall.assertLanguage("en");
        assertTrue(hall.has(By.id("no-calls")) && hall.driver.findElement(By.id("no-calls")).isDisplayed());
        hall.accessible("hall display");
        ((JavascriptExecutor) hall.driver).executeScript("window.floorMarker = 'the same page';");

        kiosk.open(centre.url("/queue?lang=en"));
        kiosk.assertLanguage("en");
        kiosk.accessible("kiosk");
        kiosk.type("q", "character certificate");
        kiosk.go(By.id("search"));
        assertTrue(kiosk.has(By.id("take-" + POLICE)));
        assertFalse(kiosk.has(By.id("take-" + RENEWAL)), "the search narrows the services");
        kiosk.accessible("kiosk with a search");
        kiosk.go(By.id("take-" + POLICE));
        String number = kiosk.text(By.id("token-number"));
        assertTrue(number.matches("[A-Z]{1,2}-\\d{3}"), number);
        assertEquals("Police character certificate", kiosk.text(By.id("token-service")));
        assertEquals("0", kiosk.text(By.id("ahead")));
        assertEquals("You are next", kiosk.text(By.id("wait")));
        kiosk.accessible("token page");
        String tokenPath = kiosk.driver.getCurrentUrl().substring(centre.url("").length());
        String id = tokenPath.substring("/queue/tokens/".length());

        counter.open(centre.url("/login"));
        counter.type("username", "counter-three");
        counter.type("password", PASSWORD);
        counter.go(By.id("login"));
        assertTrue(counter.driver.getCurrentUrl().endsWith("/counter"), "an operator lands on the counter console");
        counter.accessible("counter chooser");
        counter.driver.findElement(By.cssSelector("#counter option[value='3']")).click();
        counter.go(By.id("choose-counter"));
        assertEquals("3", counter.text(By.id("counter-number")));
        counter.driver.findElement(By.id("category-police")).click();
        counter.go(By.id("save-counter"));
        assertTrue(counter.text(By.id("counter-state")).contains("serves Police"), counter.text(By.id("counter-state")));
        assertTrue(counter.text(By.id("waiting")).contains(number), "today's waiting list");
        counter.accessible("counter console");
        counter.go(By.id("call-next"));
        assertEquals(number, counter.text(By.id("current-number")));
        assertTrue(counter.text(By.id("note")).contains("Called " + number + " to counter 3"));

        waiting(hall).until(d -> d.findElements(By.cssSelector("#calls tr.newest .number")).stream()
                .anyMatch(e -> e.getText().equals(number)));
        assertEquals("3", hall.text(By.cssSelector("#calls tr.newest .counter")));
        assertEquals("Police character certificate", hall.text(By.cssSelector("#calls tr.newest .title")));
        assertFalse(hall.driver.findElement(By.id("no-calls")).isDisplayed());
        assertEquals("the same page", ((JavascriptExecutor) hall.driver).executeScript("return window.floorMarker"),
                "the hall screen was updated by its event stream, not reloaded");

        kiosk.go(By.id("refresh"));
        assertEquals("3", kiosk.text(By.id("token-counter")));
        JsonNode token = Staff.read(centre.get("/api/v1/queue/tokens/" + id));
        assertEquals("called", token.get("state").asText());
        assertEquals(3, token.get("counter").asInt());

        counter.go(By.id("start-application"));
        counter.type("f-fullName", "Ayesha Khan");
        counter.type("f-cnic", "61101-1234567-1");
        counter.go(By.id("continue"));
        counter.driver.findElement(By.id("f-purpose-2")).click();
        counter.type("f-address", "House 1, Street 2, F-7/3, Islamabad");
        counter.go(By.id("continue"));
        counter.type("f-mobile", "0300 1234567");
        counter.go(By.id("continue"));
        counter.go(By.id("submit"));
        String reference = counter.text(By.id("reference"));
        assertTrue(reference.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]"), reference);
        assertTrue(counter.text(By.id("token-tie")).contains(number), counter.text(By.id("token-tie")));
        counter.accessible("confirmation at the counter");

        JsonNode forStaff = Staff.read(operatorApi.get("/api/v1/queue/tokens/" + id));
        assertEquals(reference, forStaff.get("reference").asText(), "the token is tied to the application");
        JsonNode forAnyone = Staff.read(centre.get("/api/v1/queue/tokens/" + id));
        assertTrue(forAnyone.get("withApplication").asBoolean());
        assertNull(forAnyone.get("reference"), "token ids are counted up: only staff see the reference");

        counter.go(By.id("back-to-counter"));
        assertEquals(reference, counter.text(By.id("current-reference")));
        assertFalse(counter.has(By.id("start-application")), "an application is filed already");
        counter.go(By.id("served"));
        assertTrue(counter.has(By.id("nobody")));
        assertEquals("served", Staff.read(centre.get("/api/v1/queue/tokens/" + id)).get("state").asText());
        kiosk.go(By.id("refresh"));
        assertTrue(kiosk.text(By.id("token-state")).contains("You have been served"));
    }

    @Test
    @Order(2)
    void aCitizenBooksAnAppointmentAndTheSlotHasOnePlaceLess() {
        kiosk.open(centre.url("/appointments?lang=en"));
        kiosk.accessible("appointment services");
        kiosk.go(By.id("book-" + RENEWAL));
        kiosk.accessible("appointment days");
        kiosk.go(By.cssSelector("#days li:last-child a"));
        String slotsUrl = kiosk.driver.getCurrentUrl();
        kiosk.accessible("appointment times");
        String choose = kiosk.driver.findElement(By.cssSelector("a[id^='choose-']")).getAttribute("id");
        String key = choose.substring("choose-".length());
        int before = Integer.parseInt(kiosk.text(By.id("free-" + key)));
        assertTrue(before > 0);
        kiosk.go(By.id(choose));
        kiosk.accessible("appointment details");

        kiosk.go(By.id("book"));
        assertTrue(kiosk.text(By.id("error-summary")).contains("Enter your CNIC number"));
        assertTrue(kiosk.text(By.id("cnic-error")).contains("Enter your CNIC number"), "the message is at the field");
        assertTrue(kiosk.driver.getTitle().startsWith("Error"));
        kiosk.accessible("appointment details with an error");
        kiosk.type("f-cnic", "61101-7654321-1");
        kiosk.go(By.id("book"));
        assertFalse(kiosk.driver.getCurrentUrl().contains("7654321"), "no CNIC in URLs");
        String code = kiosk.text(By.id("appointment-code"));
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]"), code);
        String time = kiosk.text(By.id("appointment-time"));
        String rule = kiosk.text(By.id("arrival-rule"));
        assertTrue(rule.contains("no earlier than 30 minutes before") && rule.contains("more than 10 minutes late"), rule);
        kiosk.accessible("appointment booked");

        kiosk.open(slotsUrl);
        assertEquals(before - 1, Integer.parseInt(kiosk.text(By.id("free-" + key))), "one place less at " + time);

        kiosk.open(centre.url("/appointments/check-in"));
        kiosk.accessible("check-in");
        kiosk.type("f-code", code);
        kiosk.type("f-cnic", "61101-7654321-2");
        kiosk.go(By.id("check-in"));
        assertTrue(kiosk.text(By.id("code-error")).contains("No appointment matches"));
        kiosk.accessible("check-in with an error");
        kiosk.type("f-cnic", "6110176543211");
        kiosk.go(By.id("check-in"));
        assertTrue(kiosk.text(By.id("error-summary")).contains("not for today"), kiosk.text(By.id("error-summary")));

        kiosk.open(centre.url("/appointments/cancel"));
        kiosk.accessible("cancel");
        kiosk.type("f-code", code);
        kiosk.type("f-cnic", "61101-7654321-1");
        kiosk.go(By.id("cancel"));
        assertTrue(kiosk.text(By.id("cancelled")).contains("cancelled"));
        kiosk.accessible("cancelled");
        kiosk.open(slotsUrl);
        assertEquals(before, Integer.parseInt(kiosk.text(By.id("free-" + key))), "the place is given back");
    }

    @Test
    @Order(3)
    void theHallPagesReadRightToLeftInUrdu() {
        for (String path : new String[] {"/queue", "/appointments", "/appointments/check-in", "/appointments/cancel", "/display"}) {
            kiosk.open(centre.url(path + "?lang=ur"));
            kiosk.assertLanguage("ur");
            assertTrue(URDU.matcher(kiosk.text(By.tagName("h1"))).find(), path + " has an Urdu heading");
            kiosk.accessible("Urdu " + path);
        }
        kiosk.go(By.id("lang-switch"));
        kiosk.assertLanguage("en");
        assertTrue(kiosk.driver.getCurrentUrl().endsWith("/display"), "the switch leaves the lang parameter behind");

        kiosk.open(centre.url("/queue?lang=ur"));
        kiosk.go(By.id("take-" + RENEWAL));
        kiosk.assertLanguage("ur");
        assertTrue(kiosk.text(By.id("token-service")).contains("شناختی کارڈ"), "a kiosk set to Urdu by its address stays in Urdu");
        kiosk.accessible("Urdu token page");
    }
}
