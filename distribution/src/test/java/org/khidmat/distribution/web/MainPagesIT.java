package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;

/**
 * The main pages people see (catalogue, a service's start page, a question with an error, check answers, done,
 * track, pay, receipt, appointment times, kiosk, hall screen, figures, admin console, agency inbox, application
 * page), walked once in English and Urdu on a desktop and a 390 px phone; on each: a full-page screenshot (outside
 * the repository: {@code -Dscreenshots=<folder>}, by default {@code khidmat-screens} in the temp folder), no text
 * printed over other text, table cells starting on the reading side (the right in Urdu), axe clean, nothing wider than the viewport, and on the Urdu pages no English left and no
 * ASCII comma in Urdu text and no reference code in it left to the bidi algorithm, and on pages of both languages every Urdu text marked {@code lang="ur"} (else it is not set in
 * Nastaliq, and a browser may draw its letters from several fonts, unjoined). Each test reports one of those checks for the whole walk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainPagesIT {
    private static final String RENEWAL = "nadra.cnic-renewal";
    private static final List<String> PAGES = List.of("catalogue", "start", "question-error", "check-answers", "done", "track",
            "pay", "receipt", "appointment-times", "kiosk", "hall", "figures", "admin", "inbox", "application");
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private final Map<String, List<String>> found = new LinkedHashMap<>();
    private final Path screens = Path.of(System.getProperty("screenshots",
            System.getProperty("khidmat.screenshots", System.getProperty("java.io.tmpdir") + "/khidmat-screens")));
    private final long started = System.currentTimeMillis() - 2000;
    private Centre centre;
    private Browser browser;

    @BeforeAll
    void walk() {
        centre = FRONT.centre();
        browser = FRONT.browser();
        Staff admin = FRONT.admin();
        // a token called at counter 1, so the hall screen has a row
        assertEquals(201, Staff.anonymous(centre).post("/api/v1/queue/tokens", "{\"service\":\"" + RENEWAL + "\"}").statusCode());
        assertEquals(200, admin.post("/api/v1/counters/1/next", "").statusCode());
        FRONT.login("admin", Staff.ADMIN_PASSWORD);
        for (String check : List.of("overlaps", "axe", "fits", "english", "commas", "marked", "cells", "codes")) {
            found.put(check, new ArrayList<>());
        }
        for (String lang : List.of("en", "ur")) {
            for (int width : Overlaps.WIDTHS) {
                walk(lang, width);
            }
        }
    }

    private void walk(String lang, int width) {
        Consumer<String> look = page -> look(lang, width, page);
        FRONT.visit(lang, width);
        look.accept("catalogue");
        browser.open(centre.url("/services/" + RENEWAL));
        look.accept("start");
        browser.go(By.id("start"));
        browser.driver.findElement(By.id("f-tier-2")).click();
        browser.go(By.id("continue"));
        browser.type("f-cnic", "1234");
        browser.go(By.id("continue"));
        look.accept("question-error");
        browser.type("f-cnic", "61101-1234567-1");
        browser.type("f-fullName", "ur".equals(lang) ? "عائشہ خان" : "Ayesha Khan");
        browser.go(By.id("continue"));
        browser.typeDate("f-dateOfBirth", java.time.LocalDate.of(1990, 5, 12));
        browser.typeDate("f-cardExpiry", java.time.LocalDate.now().plusDays(40));
        browser.go(By.id("continue"));
        browser.type("f-mobile", "0300 1234567");
        browser.go(By.id("continue"));
        look.accept("check-answers");
        browser.go(By.id("submit"));
        String reference = browser.text(By.id("reference"));
        look.accept("done");
        browser.open(centre.url("/track"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", "61101-1234567-1");
        browser.go(By.id("track"));
        look.accept("track");
        browser.open(centre.url("/pay"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", "61101-1234567-1");
        browser.go(By.id("find"));
        look.accept("pay");
        browser.driver.findElement(By.cssSelector("input[name=provider][value='simpay.wallet']")).click();
        browser.go(By.id("pay"));
        look.accept("receipt");
        browser.open(centre.url("/appointments/" + RENEWAL));
        browser.go(By.cssSelector("#days li:last-child a"));
        look.accept("appointment-times");
        browser.open(centre.url("/queue"));
        look.accept("kiosk");
        browser.open(centre.url("/display"));
        look.accept("hall");
        browser.open(centre.url("/figures"));
        look.accept("figures");
        browser.open(centre.url("/admin?lang=" + lang));
        look.accept("admin");
        browser.open(centre.url("/agency/inbox?agency=nadra&lang=" + lang));
        look.accept("inbox");
        browser.open(centre.url("/agency/applications/" + reference + "?lang=" + lang));
        look.accept("application");
    }

    private void look(String lang, int width, String page) {
        String where = lang + " " + width + " px " + page + ": ";
        browser.assertLanguage(lang);
        Overlaps.on(browser).forEach(o -> found.get("overlaps").add(where + o)); // waits for the web fonts first
        Overlaps.screenshot(browser, screens, lang + "-" + width + "-" + page);
        UrduText.unmarkedOn(browser).forEach(w -> found.get("marked").add(where + w));
        Cells.offStart(browser).forEach(c -> found.get("cells").add(where + c));
        try {
            browser.accessible(page);
        } catch (AssertionError e) {
            found.get("axe").add(where + e.getMessage());
        }
        try {
            browser.assertFits(width);
        } catch (AssertionError e) {
            found.get("fits").add(where + e.getMessage());
        }
        if ("ur".equals(lang)) {
            UrduText.englishOn(browser).forEach(w -> found.get("english").add(where + w));
            UrduText.asciiCommasOn(browser).forEach(w -> found.get("commas").add(where + w));
            UrduText.unisolatedCodesOn(browser).forEach(w -> found.get("codes").add(where + w));
        }
    }

    private void assertNone(String check) {
        List<String> f = found.get(check);
        try {
            Files.write(screens.resolve("found-" + check + ".txt"), f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(f.isEmpty(), f.size() + " found:\n" + String.join("\n", f.subList(0, Math.min(60, f.size()))));
    }

    @Test
    void noTextPrintsOverOtherTextOnAnyMainPage() {
        assertNone("overlaps");
    }

    @Test
    void axeFindsNothingOnAnyMainPage() {
        assertNone("axe");
    }

    @Test
    void noMainPageIsWiderThanItsViewport() {
        assertNone("fits");
    }

    @Test
    void everyTableCellStartsOnTheReadingSide() {
        assertNone("cells");
    }

    @Test
    void theUrduPagesHaveNoEnglishLeft() {
        assertNone("english");
    }

    @Test
    void urduTextIsMarkedUrduOnPagesOfEitherLanguage() {
        assertNone("marked");
    }

    @Test
    void referencesInUrduTextAreIsolatedLeftToRight() {
        assertNone("codes");
    }

    @Test
    void urduTextHasUrduCommas() {
        assertNone("commas");
    }

    @Test
    void aScreenshotOfEveryMainPageIsWrittenOutsideTheRepository() throws Exception {
        for (String lang : List.of("en", "ur")) {
            for (int width : Overlaps.WIDTHS) {
                for (String page : PAGES) {
                    Path png = screens.resolve(lang + "-" + width + "-" + page + ".png");
                    assertTrue(Files.size(png) > 1000 && Files.getLastModifiedTime(png).toMillis() >= started,
                            "written by this walk: " + png);
                }
            }
        }
    }

    /** The walk's own checks find what they look for: a page made with each fault in it. */
    @Test
    void theChecksFindTheFaultsTheyLookFor() throws Exception {
        String page = "<!doctype html><html lang=\"ur\" dir=\"rtl\"><body><main><table><tr><th>وقت</th></tr>"
                + "<tr><td dir=\"ltr\" style=\"text-align:left;width:300px\">09:00</td></tr></table>"
                + "<p>ادارہ, Active مثلاً KM7Q-4XPA-K</p></main><p lang=\"en\">آپ کی درخواست</p></body></html>";
        browser.open("data:text/html;charset=utf-8," + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        assertTrue(Cells.offStart(browser).toString().contains("09:00"), "a time cell aligned left in Urdu: " + Cells.offStart(browser));
        assertTrue(UrduText.englishOn(browser).toString().contains("Active"), UrduText.englishOn(browser).toString());
        assertEquals(1, UrduText.asciiCommasOn(browser).size(), UrduText.asciiCommasOn(browser).toString());
        assertTrue(UrduText.unisolatedCodesOn(browser).toString().contains("KM7Q-4XPA-K"), UrduText.unisolatedCodesOn(browser).toString());
        assertEquals(1, UrduText.unmarkedOn(browser).size(), UrduText.unmarkedOn(browser).toString());
    }
}
