package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The citizen pages in Urdu (right to left, Nastaliq) and English, on a desktop and a 390 px phone, in headless
 * Chromium: no text printed over other text, cells and error bars on the reading side, Urdu digits understood, the
 * language kept for the visit. Screenshots of every page go outside the repository ({@code khidmat.screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrduPagesIT {
    private static final String RENEWAL = "nadra.cnic-renewal";
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;

    @BeforeAll
    void start() {
        centre = FRONT.centre();
        browser = FRONT.browser();
        // one token called at counter 1, so the hall screen has a row
        Staff admin = FRONT.admin();
        assertEquals(201, Staff.anonymous(centre).post("/api/v1/queue/tokens", "{\"service\":\"" + RENEWAL + "\"}").statusCode());
        assertEquals(200, admin.post("/api/v1/counters/1/next", "").statusCode());
    }

    private void language(String lang) {
        browser.open(centre.url("/lang?to=" + lang + "&back=/"));
        browser.assertLanguage(lang);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver;
    }

    /** The citizen's main pages, each opened (and a form page with its errors) in turn; {@code check} runs on each. */
    private void eachMainPage(String lang, int width, java.util.function.Consumer<String> check) {
        Overlaps.width(browser, width);
        language(lang);
        for (String path : List.of("/", "/services/" + RENEWAL, "/track", "/pay", "/queue", "/appointments",
                "/appointments/" + RENEWAL, "/figures", "/display")) {
            browser.open(centre.url(path));
            check.accept(path);
        }
        browser.open(centre.url("/services/" + RENEWAL));
        browser.go(By.id("start"));
        check.accept("tier");
        browser.driver.findElement(By.id("f-tier-2")).click();
        browser.go(By.id("continue"));
        browser.type("f-cnic", "1234");
        browser.go(By.id("continue"));
        check.accept("page 1 with errors");
    }

    /**
     * The open figures' period is asked as day, month and year (as people write dates, like every other date of the
     * front) and shown back so, in both languages, in Urdu digits too; before, one box wanted yyyy-mm-dd.
     */
    @Test
    void theFiguresPeriodIsTypedAsDayMonthAndYearAndShownSo() {
        for (String lang : List.of("ur", "en")) {
            for (int width : Overlaps.WIDTHS) {
                Overlaps.width(browser, width);
                language(lang);
                browser.open(centre.url("/figures"));
                browser.type("f-from", "۱");
                browser.type("f-from-month", "۱");
                browser.type("f-from-year", "۲۰۲۶");
                browser.type("f-to", "31");
                browser.type("f-to-month", "1");
                browser.type("f-to-year", "2026");
                browser.go(By.id("show"));
                String period = browser.text(By.id("period"));
                assertTrue(period.contains("01/01/2026") && period.contains("31/01/2026"), lang + " " + width + ": " + period);
                assertEquals("31", browser.driver.findElement(By.id("f-to")).getAttribute("value"), "the boxes keep the period");
                assertEquals(List.of(), Overlaps.on(browser), lang + " " + width + " px");
            }
        }
    }

    /**
     * The open figures' charts keep their words readable on a phone: a chart wider than the screen scrolls sideways in
     * its own box rather than shrinking. Before, a 640 px chart was scaled into 358 px and its 13 px labels read at 7.
     */
    @Test
    void theFiguresChartsKeepTheirWordsReadableOnAPhone() {
        FRONT.file(ApplicationApiIT.police("6110112345679", "Hina Qureshi"));
        for (String lang : List.of("ur", "en")) {
            Overlaps.width(browser, 390);
            language(lang);
            browser.open(centre.url("/figures"));
            Object scales = js().executeScript("return Array.from(document.querySelectorAll('svg.chart'))"
                    + ".map(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width);");
            List<?> list = (List<?>) scales;
            assertFalse(list.isEmpty(), lang + ": the page has charts");
            for (Object scale : list) {
                assertTrue(((Number) scale).doubleValue() >= 0.99, lang + ": a chart drawn at " + scale + " of its size");
            }
            browser.assertFits(390);
        }
    }

    /**
     * The header and footer on a phone: the centre's name and each link stay whole on one line; the lines wrap between
     * them. Before, the Urdu header at 390 px broke "آسان خدمت مرکز" and "درخواست کی صورتحال معلوم کریں"
     * into pieces set beside each other's lines.
     */
    @Test
    void theHeaderAndFooterKeepTheCentresNameAndEachLinkWholeOnAPhone() {
        List<String> broken = new ArrayList<>();
        for (String lang : List.of("ur", "en")) {
            Overlaps.width(browser, 390);
            language(lang);
            for (String path : List.of("/", "/services/" + RENEWAL, "/track")) {
                browser.open(centre.url(path));
                Object lines = js().executeScript("return Array.from(document.querySelectorAll('header #centre-name, header nav a, footer a'))"
                        + ".filter(e => new Set(Array.from(e.getClientRects()).map(r => Math.round(r.top))).size > 1)"
                        + ".map(e => e.textContent.trim());");
                for (Object text : (List<?>) lines) {
                    broken.add(lang + " " + path + ": " + text);
                }
            }
        }
        assertEquals(List.of(), broken, "header and footer items broken over lines at 390 px");
    }

    @Test
    void noTextPrintsOverOtherTextInEitherLanguageOnADesktopOrAPhone() {
        List<String> found = new ArrayList<>();
        for (String lang : List.of("ur", "en")) {
            for (int width : Overlaps.WIDTHS) {
                eachMainPage(lang, width, page -> {
                    Overlaps.screenshot(browser, lang + "-" + width + "-" + page.replaceAll("[^A-Za-z0-9]+", "_"));
                    for (String o : Overlaps.on(browser)) {
                        found.add(lang + " " + width + " px " + page + ": " + o);
                    }
                });
            }
        }
        assertTrue(found.isEmpty(), found.size() + " crossings:\n" + String.join("\n", found.subList(0, Math.min(60, found.size()))));
    }

    @Test
    void theHallScreenPutsEachCellUnderItsHeadingInUrdu() {
        for (int width : Overlaps.WIDTHS) {
            Overlaps.width(browser, width);
            browser.open(centre.url("/display?lang=ur"));
            browser.assertLanguage("ur");
            // each cell's text starts on the same side as its column's heading: the right, in Urdu
            @SuppressWarnings("unchecked")
            List<String> off = (List<String>) js().executeScript("""
                    const out = [];
                    const heads = [...document.querySelectorAll('.board thead th')];
                    document.querySelectorAll('.board tbody tr').forEach(tr => [...tr.cells].forEach((td, i) => {
                      const r = document.createRange(); r.selectNodeContents(td);
                      const text = r.getBoundingClientRect(), cell = td.getBoundingClientRect();
                      const pad = parseFloat(getComputedStyle(td).paddingRight);
                      if (Math.abs(cell.right - pad - text.right) > 2) out.push(td.textContent + ' under ' + heads[i].textContent
                          + ' ends ' + Math.round(cell.right - pad - text.right) + ' px from the cell\\'s right');
                    }));
                    return out;""");
            assertTrue(off.isEmpty(), width + " px: " + off);
        }
    }

    @Test
    void theFieldErrorBarIsOnTheReadingSide() {
        for (String lang : List.of("ur", "en")) {
          for (int width : Overlaps.WIDTHS) {
            Overlaps.width(browser, width);
            language(lang);
            browser.open(centre.url("/track"));
            browser.go(By.id("track"));
            @SuppressWarnings("unchecked")
            Map<String, Object> border = (Map<String, Object>) js().executeScript(
                    "const s = getComputedStyle(document.querySelector('.field-error'));"
                    + " return {left: s.borderLeftWidth, right: s.borderRightWidth};");
            String start = "ur".equals(lang) ? "right" : "left";
            String end = "ur".equals(lang) ? "left" : "right";
            assertEquals("4px", border.get(start), lang + " " + width + ": " + border);
            assertEquals("0px", border.get(end), lang + " " + width + ": " + border);
          }
        }
    }

    @Test
    void aCnicTypedInUrduDigitsIsAccepted() {
        language("ur");
        browser.open(centre.url("/services/ictpolice.character-certificate"));
        browser.go(By.id("start"));
        browser.type("f-fullName", "عائشہ خان");
        browser.type("f-cnic", "۶۱۱۰۱-۱۲۳۴۵۶۷-۱");
        browser.go(By.id("continue"));
        assertFalse(browser.has(By.id("error-summary")), browser.html());
        browser.open(centre.url("/track"));
        browser.type("f-reference", "۲۳۴۵-۶۷۸۹-A");
        browser.type("f-cnic", "۶۱۱۰۱۱۲۳۴۵۶۷۱");
        browser.go(By.id("track"));
        String summary = browser.text(By.id("error-summary"));
        assertFalse(summary.contains("13"), "the Urdu digits are a CNIC: " + summary);
    }

    @Test
    void theLanguageOfALinkStaysForTheVisit() {
        browser.driver.manage().deleteAllCookies();
        browser.open(centre.url("/?lang=ur"));
        browser.assertLanguage("ur");
        browser.open(centre.url("/track"));
        browser.assertLanguage("ur");
        browser.open(centre.url("/services/" + RENEWAL));
        browser.assertLanguage("ur");
        browser.open(centre.url("/?lang=en"));
        browser.open(centre.url("/queue"));
        browser.assertLanguage("en");
    }

    /**
     * Every number box (the CNIC, the day, month and year of a date, the mobile number) takes Urdu (Eastern
     * Arabic-Indic) and Arabic-Indic digits, on pages of either language, and the answers read back in the digits the
     * centre stores.
     */
    @Test
    void everyNumberBoxTakesUrduAndArabicDigits() {
        String[][] digits = {{"۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"}, {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"}};
        for (String lang : List.of("ur", "en")) {
            for (int width : Overlaps.WIDTHS) {
                for (String[] set : digits) {
                    java.util.function.UnaryOperator<String> in = ascii -> ascii.chars()
                            .mapToObj(c -> Character.isDigit(c) ? set[c - '0'] : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
                    String as = lang + " " + width + " px, " + set[1] + set[2] + set[3] + ": ";
                    Overlaps.width(browser, width);
                    language(lang);
                    browser.open(centre.url("/services/" + RENEWAL));
                    browser.go(By.id("start"));
                    browser.driver.findElement(By.id("f-tier-2")).click();
                    browser.go(By.id("continue"));
                    browser.type("f-cnic", in.apply("61101-1234567-1"));
                    browser.type("f-fullName", "Ayesha Khan");
                    browser.go(By.id("continue"));
                    assertFalse(browser.has(By.id("error-summary")), as + browser.text(By.tagName("main")));
                    browser.type("f-dateOfBirth", in.apply("12"));
                    browser.type("f-dateOfBirth-month", in.apply("5"));
                    browser.type("f-dateOfBirth-year", in.apply("1990"));
                    java.time.LocalDate expiry = java.time.LocalDate.now().plusDays(40);
                    browser.type("f-cardExpiry", in.apply(Integer.toString(expiry.getDayOfMonth())));
                    browser.type("f-cardExpiry-month", in.apply(Integer.toString(expiry.getMonthValue())));
                    browser.type("f-cardExpiry-year", in.apply(Integer.toString(expiry.getYear())));
                    browser.go(By.id("continue"));
                    assertFalse(browser.has(By.id("error-summary")), as + browser.text(By.tagName("main")));
                    browser.type("f-mobile", in.apply("03001234567"));
                    browser.go(By.id("continue"));
                    assertFalse(browser.has(By.id("error-summary")), as + browser.text(By.tagName("main")));
                    String answers = browser.text(By.id("answers"));
                    assertTrue(answers.contains("61101-1234567-1") && answers.contains("12/05/1990") && answers.contains("03001234567"),
                            as + answers);
                }
            }
        }
    }

    /** Each cell of the appointment times starts on the right in Urdu, as its heading does, on a desktop and a phone. */
    @Test
    void theAppointmentTimesLineUpUnderTheirHeadingsInUrdu() {
        for (int width : Overlaps.WIDTHS) {
            Overlaps.width(browser, width);
            language("ur");
            browser.open(centre.url("/appointments/" + RENEWAL));
            browser.go(By.cssSelector("#days li:last-child a"));
            assertTrue(browser.has(By.cssSelector("#slots tbody td")), browser.html());
            List<String> off = Cells.offStart(browser);
            assertTrue(off.isEmpty(), width + " px: " + off);
        }
    }

    /**
     * The example reference in an Urdu hint (the kiosk's, the track form's) reads left to right and stays on one line on
     * a phone: at 390 px it broke after "KM7Q-" with "4XPA-K" on the next line, on the far side.
     */
    @Test
    void anExampleReferenceInUrduReadsLeftToRightOnOneLine() {
        for (int width : Overlaps.WIDTHS) {
            Overlaps.width(browser, width);
            language("ur");
            for (String path : List.of("/queue", "/track")) {
                browser.open(centre.url(path));
                Object lines = js().executeScript("""
                        const hint = document.getElementById('reference-hint');
                        const t = [...hint.querySelectorAll('*'), hint].flatMap(e => [...e.childNodes])
                            .find(n => n.nodeType === Node.TEXT_NODE && n.data.includes('KM7Q-4XPA-K'));
                        if (!t) return 'no example reference: ' + hint.innerHTML;
                        const at = t.data.indexOf('KM7Q-4XPA-K'), r = document.createRange();
                        r.setStart(t, at); r.setEnd(t, at + 11);
                        const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
                        r.setStart(t, at); r.setEnd(t, at + 1); const first = r.getBoundingClientRect().left;
                        r.setStart(t, at + 10); r.setEnd(t, at + 11); const last = r.getBoundingClientRect().left;
                        return tops.size === 1 && first < last ? 'one line, left to right' : tops.size + ' lines, first ' + first + ' last ' + last;
                        """);
                assertEquals("one line, left to right", lines, path + " at " + width + " px");
            }
        }
    }
}
