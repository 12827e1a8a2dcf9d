package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A third language added as files only: a fragment of the web bundle in {@code bundles/} carrying a few Sindhi words
 * (right to left) and the centre's {@code languages} setting naming it. In headless Chromium, on a desktop and a
 * 390 px phone, the citizen picks it from the language switch (which lists English, Urdu and Sindhi by their own
 * names) and keeps it from the start page through a question to tracking, right to left, no text over other text;
 * the kiosk and the pay page, whose Sindhi has a heading only, say the other words in English marked as English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdLanguageIT {
    private static final String RENEWAL = "nadra.cnic-renewal";
    private static final String SINDHI_CITIZEN = """
            language.name=سنڌي
            language.dir=rtl
            catalogueTitle=سرڪاري خدمت ڳوليو
            track=درخواست جي صورتحال ڏسو
            start=هاڻي شروع ڪريو
            continue=جاري رکو
            """;
    /** The hall's and the pay page's Sindhi: a heading each, every other word borrowed from English. */
    private static final String SINDHI_HALL = """
            language.name=سنڌي
            language.dir=rtl
            queueTitle=قطار جو ٽوڪن وٺو
            """;
    private static final String SINDHI_PAY = """
            language.name=سنڌي
            language.dir=rtl
            pay=فيس ادا ڪريو
            """;
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre().prepare(ThirdLanguageIT::sindhi);
    private Centre centre;
    private Browser browser;

    /** A fragment of the web bundle with a few Sindhi words in {@code bundles/}, and the centre's languages naming it. */
    private static void sindhi(Centre installed) {
        TestBundles.bundle("org.khidmat.web.words.sd", "1.0.0").header("Khidmat-Services", null)
                .header("Fragment-Host", "org.khidmat.web")
                .entry("org/khidmat/web/internal/words/citizen_sd.properties", SINDHI_CITIZEN.getBytes(StandardCharsets.UTF_8))
                .entry("org/khidmat/web/internal/words/hall_sd.properties", SINDHI_HALL.getBytes(StandardCharsets.UTF_8))
                .entry("org/khidmat/web/internal/words/pay_sd.properties", SINDHI_PAY.getBytes(StandardCharsets.UTF_8))
                .writeTo(installed.home().resolve("bundles/org.khidmat.web.words.sd.jar"));
        Path conf = installed.home().resolve("conf/org.khidmat.centre.cfg.json");
        try {
            String settings = Files.readString(conf);
            assertTrue(settings.contains("\"languages\": [\"en\", \"ur\"]"), settings);
            Files.writeString(conf, settings.replace("\"languages\": [\"en\", \"ur\"]",
                    "\"languages\": [\"en\", \"ur\", \"sd\"]"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void start() {
        centre = FRONT.centre();
        browser = FRONT.browser();
    }

    private void inSindhi(String page, List<String> found, int width) {
        WebElement html = browser.driver.findElement(By.tagName("html"));
        assertEquals("sd", html.getAttribute("lang"), page);
        assertEquals("rtl", html.getAttribute("dir"), page);
        WebElement current = browser.driver.findElement(By.cssSelector("#lang-switch-sd"));
        assertEquals("true", current.getAttribute("aria-current"), page);
        Overlaps.screenshot(browser, "sd-" + width + "-" + page);
        for (String o : Overlaps.on(browser)) {
            found.add(width + " px " + page + ": " + o);
        }
    }

    @Test
    void theThirdLanguageIsChosenFromTheSwitchAndKeptFromStartToTrack() {
        List<String> found = new ArrayList<>();
        for (int width : Overlaps.WIDTHS) {
            browser.driver.manage().deleteAllCookies();
            Overlaps.width(browser, width);
            browser.open(centre.url("/"));
            browser.assertLanguage("en");
            List<String> offered = browser.driver.findElements(By.cssSelector("header nav a[hreflang]")).stream()
                    .map(a -> a.getAttribute("lang") + "=" + a.getText()).toList();
            assertEquals(List.of("en=English", "ur=اردو", "sd=سنڌي"), offered);
            browser.go(By.id("lang-switch-sd"));
            inSindhi("catalogue", found, width);
            assertEquals("سرڪاري خدمت ڳوليو", browser.text(By.tagName("h1")));
            // the Sindhi words lack the centre's name: the header shows the English one, marked as English
            assertEquals("Asan Khidmat Markaz",
                    browser.driver.findElement(By.cssSelector("#centre-name > span[lang=en][dir=ltr]")).getText());

            browser.open(centre.url("/services/" + RENEWAL));
            inSindhi("start", found, width);
            assertTrue(browser.text(By.id("start")).startsWith("هاڻي شروع ڪريو"), browser.text(By.id("start")));
            browser.go(By.id("start"));
            inSindhi("tier", found, width);
            browser.driver.findElement(By.id("f-tier-2")).click();
            browser.go(By.id("continue"));
            inSindhi("question", found, width);
            assertTrue(browser.has(By.id("f-cnic")), "the first question asks for the CNIC");
            browser.type("f-cnic", "1234");
            browser.go(By.id("continue"));
            inSindhi("question-errors", found, width);
            assertTrue(browser.has(By.id("error-summary")), "English for the words Sindhi lacks: " + browser.html());

            browser.open(centre.url("/track"));
            inSindhi("track", found, width);
            assertEquals("درخواست جي صورتحال ڏسو", browser.text(By.tagName("h1")));
            browser.accessible("Sindhi track page at " + width + " px");
        }
        assertTrue(found.isEmpty(), found.size() + " crossings:\n" + String.join("\n", found.subList(0, Math.min(40, found.size()))));
    }

    @Test
    void aLanguageWithoutFilesIsRefusedInThePageLanguage() {
        browser.open(centre.url("/lang?to=ur&back=/track"));
        browser.assertLanguage("ur");
        browser.open(centre.url("/lang?to=ps&back=/track"));
        browser.assertLanguage("ur");
        assertTrue(browser.text(By.id("language-refused")).contains("ps"), browser.html());
        browser.open(centre.url("/track"));
        browser.assertLanguage("ur");
    }

    @Test
    void theKioskAndThePayPageSayTheWordsTheThirdLanguageLacksInEnglishMarkedAsEnglish() {
        List<String> found = new ArrayList<>();
        for (int width : Overlaps.WIDTHS) {
            Overlaps.width(browser, width);
            for (String[] page : new String[][] {{"/queue", "قطار جو ٽوڪن وٺو", "label[for=q]", "Find a service"},
                    {"/pay", "فيس ادا ڪريو", "label[for=f-reference]", "Reference number"}}) {
                browser.open(centre.url(page[0] + "?lang=sd"));
                WebElement html = browser.driver.findElement(By.tagName("html"));
                assertEquals("sd", html.getAttribute("lang"), page[0]);
                assertEquals("rtl", html.getAttribute("dir"), page[0]);
                assertEquals(page[1], browser.text(By.tagName("h1")), "the Sindhi word, not marked");
                WebElement borrowed = browser.driver.findElement(By.cssSelector(page[2] + " > span[lang=en][dir=ltr]"));
                assertTrue(borrowed.getText().startsWith(page[3]),
                        "a word Sindhi lacks is English, marked so a screen reader reads it as English: " + borrowed.getText());
                Overlaps.screenshot(browser, "sd-" + width + page[0].replace('/', '-'));
                for (String o : Overlaps.on(browser)) {
                    found.add(width + " px " + page[0] + ": " + o);
                }
                browser.accessible("Sindhi " + page[0] + " at " + width + " px");
            }
        }
        assertTrue(found.isEmpty(), found.size() + " crossings:\n" + String.join("\n", found.subList(0, Math.min(40, found.size()))));
    }

    /**
     * The hall screen in Sindhi: a service without a Sindhi title shows its English title marked as English, in the
     * page as served and in the rows the screen's script redraws from a server-sent event (before, the script knew
     * only English and Urdu, and neither marked a borrowed title).
     */
    @Test
    void theHallScreenMarksAnEnglishTitleInTheFirstRenderAndInTheRowsItRedrawsByItself() throws Exception {
        Staff.admin(centre).createAccount("counter-sd", "a-long-staff-password", "OPERATOR", null);
        Staff operator = Staff.login(centre, "counter-sd", "a-long-staff-password");
        String service = "fbr.ntn-registration";
        String english = Staff.read(centre.get("/api/v1/services/" + service)).at("/title/en").asText();
        assertTrue(!english.isBlank());
        String first = callOne(operator, service);
        browser.open(centre.url("/display?lang=sd"));
        assertEquals("sd", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(first, browser.text(By.cssSelector("#calls tr.newest td.number")));
        WebElement served = browser.driver.findElement(By.cssSelector("#calls tr.newest td.title > span[lang=en][dir=ltr]"));
        assertEquals(english, served.getText(), "as served");

        String second = callOne(operator, service);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!second.equals(browser.text(By.cssSelector("#calls tr.newest td.number"))) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(second, browser.text(By.cssSelector("#calls tr.newest td.number")), "the call shows without a reload");
        assertTrue(browser.driver.findElement(By.tagName("html")).getAttribute("data-event") != null,
                "the row was drawn by the screen's script from an event");
        WebElement redrawn = browser.driver.findElement(By.cssSelector("#calls tr.newest td.title > span[lang=en][dir=ltr]"));
        assertEquals(english, redrawn.getText(), "as redrawn");
        browser.accessible("Sindhi hall screen after a live call");
    }

    /** Takes a token for the service and calls the next token to counter 2: @return the called number */
    private String callOne(Staff operator, String service) throws Exception {
        java.net.http.HttpResponse<String> token = centre.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(centre.url("/api/v1/queue/tokens"))).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"service\":\"" + service + "\"}")));
        assertEquals(201, token.statusCode(), token.body());
        java.net.http.HttpResponse<String> next = operator.post("/api/v1/counters/2/next", "");
        assertEquals(200, next.statusCode(), next.body());
        return Staff.read(next).at("/token/number").asText();
    }
}
