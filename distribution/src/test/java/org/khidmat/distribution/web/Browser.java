package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both named explicitly so that Selenium Manager
 * never downloads anything; every wait is bounded. Skips only off CI when chromedriver is not installed.
 */
final class Browser implements AutoCloseable {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(15);
    final WebDriver driver;
    private final ChromeDriverService service;
    private final WebDriverWait wait;

    Browser(Path profile) throws Exception {
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .withTimeout(WAIT).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-GB", "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT).implicitlyWait(Duration.ZERO);
        wait = new WebDriverWait(driver, WAIT);
    }

    static void assumeAvailable() {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(DRIVER), "no " + DRIVER + " (install chromium-driver); skipped off CI");
    }

    /** The window widths every staff page is checked at: a desktop and a 390 px phone. */
    static final int[] WIDTHS = {1280, 390};

    /** Sets the width of the page's viewport (the window is made as wide as needed for that). */
    void width(int width) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        long inner = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
        if (inner != width) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension((int) (2 * width - inner), 900));
        }
    }

    /** Asserts the page does not scroll sideways at this viewport width: wide tables scroll in their own box. */
    void assertFits(int width) {
        long scroll = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scroll <= width, driver.getCurrentUrl() + " is " + scroll + " px wide in a " + width + " px viewport");
    }

    void open(String url) {
        driver.get(url);
    }

    /** Clicks something that loads a new page and waits until it has. */
    void go(By by) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        // the old page is gone once its root element cannot be asked anything; Chromium sometimes says so with
        // an inspector error instead of a stale-element error, so accept any WebDriverException
        wait.until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Types a date into a question's day, month and year boxes ({@code f-x}, {@code f-x-month}, {@code f-x-year}). */
    void typeDate(String id, java.time.LocalDate day) {
        type(id, Integer.toString(day.getDayOfMonth()));
        type(id + "-month", Integer.toString(day.getMonthValue()));
        type(id + "-year", Integer.toString(day.getYear()));
    }

    /**
     * The element's text. A page that updates itself (the counter's waiting list, the hall screen)
     * may replace the element between finding it and reading it; then it is found again, a few times.
     */
    String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String html() {
        return driver.getPageSource();
    }

    /** Asserts the page is in {@code lang}, with the writing direction that goes with it (Urdu right to left). */
    void assertLanguage(String lang) {
        WebElement html = driver.findElement(By.tagName("html"));
        assertEquals(lang, html.getAttribute("lang"));
        assertEquals("ur".equals(lang) ? "rtl" : "ltr", html.getAttribute("dir"));
    }

    /** Runs axe-core in the page; fails on any serious or critical violation. */
    void accessible(String what) {
        Results r = new AxeBuilder().analyze(driver);
        assertTrue(r.getErrorMessage() == null, "axe did not run on " + what + ": " + r.getErrorMessage());
        List<Rule> bad = r.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertTrue(bad.isEmpty(), what + " (" + driver.getCurrentUrl() + ") has accessibility violations:\n" + bad.stream()
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
