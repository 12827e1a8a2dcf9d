package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;

/**
 * The setup every browser test repeats, once per test class: the built centre copied to a temporary home and started
 * with a known admin password, and headless Chromium (more windows on demand), all stopped and deleted after the
 * class. Register it as {@code @RegisterExtension static final BrowserCentre front = new BrowserCentre();}; it is
 * ready in the class's {@code @BeforeAll} methods. Skips the class where Chromium's driver is not installed (off CI).
 */
final class BrowserCentre implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env = new LinkedHashMap<>();
    private java.util.function.Consumer<Centre> prepare = c -> { };
    private final List<Browser> browsers = new ArrayList<>();
    private Path home;
    private Centre centre;

    /** Sets an environment variable of the centre, before it starts. */
    BrowserCentre env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Does something to the installed centre before it starts, for example fills its {@code deploy/} folder. */
    BrowserCentre prepare(java.util.function.Consumer<Centre> before) {
        prepare = before;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Browser.assumeAvailable();
        home = Files.createTempDirectory("khidmat-" + context.getRequiredTestClass().getSimpleName() + "-");
        Centre c = Centre.install(home.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD);
        env.forEach(c::env);
        prepare.accept(c);
        centre = c.start();
        browsers.add(new Browser(home.resolve("profile-0")));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            for (Browser b : browsers) {
                b.close();
            }
        } finally {
            browsers.clear();
            if (centre != null) {
                centre.stop();
                centre = null;
            }
            delete(home);
        }
    }

    Centre centre() {
        return centre;
    }

    /** The first browser window, opened with the centre. */
    Browser browser() {
        return browsers.get(0);
    }

    /** Another browser with a profile (cookies, language) of its own: a second person at the centre. */
    Browser newBrowser() throws Exception {
        Browser b = new Browser(home.resolve("profile-" + browsers.size()));
        browsers.add(b);
        return b;
    }

    /** The admin, over the JSON API. */
    Staff admin() {
        return Staff.admin(centre);
    }

    /** Makes the first browser's viewport {@code width} wide and chooses {@code lang} for the visit, as the switch does. */
    void visit(String lang, int width) {
        browser().width(width);
        browser().open(centre.url("/lang?to=" + lang + "&back=/"));
        browser().assertLanguage(lang);
    }

    /** Logs the first browser in to the consoles (logging out whoever was in). */
    void login(String username, String password) {
        Browser b = browser();
        b.open(centre.url("/login"));
        if (b.has(By.id("logout"))) {
            b.go(By.id("logout"));
        }
        b.type("username", username);
        b.type("password", password);
        b.go(By.id("login"));
    }

    /** Files an application through the public JSON API; returns its reference. */
    String file(String json) {
        HttpResponse<String> r = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(201, r.statusCode(), r.body());
        return Staff.read(r).get("reference").asText();
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
