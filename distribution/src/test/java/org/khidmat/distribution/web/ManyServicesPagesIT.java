package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The catalogue of a centre that lists 441 services (the 41 samples and 40 made-up agencies of 10 services each, spread
 * over eight topics), in Chromium, in English and Urdu, on a desktop and a 390 px phone: grouped by topic with every
 * service a link, nothing printed over other text, nothing wider than the phone, axe clean; a topic's full list and a
 * misspelt search too.
 */
class ManyServicesPagesIT {
    private static final String[] TOPICS = {"identity", "passports", "tax", "business", "vehicles", "utilities", "civil", "police"};
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre().prepare(ManyServicesPagesIT::fourHundredServices);

    private static void fourHundredServices(Centre centre) {
        for (int a = 0; a < 40; a++) {
            String agency = String.format("agency%02d", a);
            TestBundles b = TestBundles.bundle("org.test." + agency, "1.0.0");
            for (int s = 0; s < 10; s++) {
                int n = a * 10 + s;
                b.descriptor("s" + s, TestBundles.descriptor(agency + ".permit-" + n, agency, "Permit number " + n)
                        .replace("\"category\": \"testing\"", "\"category\": \"" + TOPICS[n % TOPICS.length] + "\"")
                        .replace("\"ur\": \"ٹیسٹ سروس\"", "\"ur\": \"اجازت نامہ نمبر " + n + "\""));
            }
            b.writeTo(centre.deploy().resolve(agency + ".jar"));
        }
    }

    private static long count(Browser browser, String css) {
        return ((Number) ((JavascriptExecutor) browser.driver).executeScript("return document.querySelectorAll(arguments[0]).length", css))
                .longValue();
    }

    @Test
    void fourHundredAndFortyOneServicesReadWellOnADesktopAndAPhoneInBothLanguages() {
        Browser browser = FRONT.browser();
        Centre centre = FRONT.centre();
        for (String lang : List.of("en", "ur")) {
            for (int width : Overlaps.WIDTHS) {
                String as = lang + " " + width + " px: ";
                FRONT.visit(lang, width);
                assertTrue(browser.text(By.id("count")).contains("441"), as + browser.text(By.id("count")));
                assertTrue(count(browser, "section.group") >= TOPICS.length, as + "grouped by topic");
                assertEquals(441, count(browser, "main a[href^='/services/']") - count(browser, "#by-event a[href^='/services/'], #by-topic a[href^='/services/']"),
                        as + "every service is a link");
                assertTrue(Overlaps.on(browser).isEmpty(), as + Overlaps.on(browser));
                browser.assertFits(width);
                browser.accessible("441 services, " + as);
                Overlaps.screenshot(browser, lang + "-" + width + "-catalogue-441");

                browser.open(centre.url("/?category=tax"));
                assertTrue(browser.text(By.id("count")).matches("(?s).*\\b5[0-9]\\b.*"), as + browser.text(By.id("count")));
                assertTrue(Overlaps.on(browser).isEmpty(), as + Overlaps.on(browser));
                browser.assertFits(width);
                browser.accessible("a topic of 441 services, " + as);

                browser.open(centre.url("/"));
                browser.type("q", "en".equals(lang) ? "permt number 399" : "اجازت نامہ نمبر 399");
                browser.go(By.id("search"));
                String first = browser.driver.findElement(By.cssSelector("ul.services li a")).getAttribute("href");
                assertTrue(first.endsWith("/services/agency39.permit-399"), as + "the misspelt search finds it first: " + first);
            }
        }
    }
}
