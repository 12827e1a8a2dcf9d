package org.khidmat.web.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The first page of a service's form, served by the citizen site on a Jetty server on a free loopback port, with a
 * catalogue of one service read from a descriptor: in Urdu the example numbers in the hints read left to right.
 */
class UrduFormPageTest {
    private static final String PAGE = "/apply/ictadmin.birth-certificate/page/1";
    private static Server server;
    private static ServerConnector connector;

    @BeforeAll
    static void start() throws Exception {
        CatalogueEntry entry;
        try (InputStream in = UrduFormPageTest.class.getResourceAsStream("/descriptors/birth-certificate.json")) {
            entry = new CatalogueEntry(Descriptors.parse(in, "services/birth-certificate.json"), "org.khidmat.test", "1.0.0",
                    true, null);
        }
        Catalogue catalogue = new Catalogue() {
            @Override
            public List<CatalogueEntry> services() {
                return List.of(entry);
            }

            @Override
            public Optional<CatalogueEntry> service(String id) {
                return entry.id().equals(id) ? Optional.of(entry) : Optional.empty();
            }

            @Override
            public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
                throw new UnsupportedOperationException();
            }
        };
        // showing a form page asks nothing of the applications; any call would fail the test
        Applications applications = (Applications) Proxy.newProxyInstance(Applications.class.getClassLoader(),
                new Class<?>[] {Applications.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(CitizenSite.routes(catalogue, applications, new ApplyPages(applications, new Drafts(new MemoryDraftStore()), null),
                new TrackSections(null, null, null)));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    /** @return the form's first page in the language, after starting the form (which sets the draft cookie) */
    private static String formPage(String lang) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/services/ictadmin.birth-certificate/start"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, started.statusCode());
        assertEquals(PAGE, started.headers().firstValue("Location").orElse(""), "one speed: straight to the first page");
        String draft = started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + PAGE + "?lang=" + lang)).header("Cookie", draft)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    @Test
    void theUrduHintsShowTheExampleNumbersLeftToRight() throws Exception {
        String html = formPage("ur");
        assertTrue(html.contains("<html lang=\"ur\" dir=\"rtl\">"), "an Urdu page");
        assertTrue(html.contains("<span class=\"hint\" id=\"cnic-hint\">13 ہندسے، مثلاً <bdi dir=\"ltr\">61101-1234567-1</bdi></span>"),
                html);
        assertTrue(html.contains("<span class=\"hint\" id=\"mobile-hint\">مثلاً <bdi dir=\"ltr\">0300-1234567</bdi>؛"), html);
        String title = html.substring(html.indexOf("<title>"), html.indexOf("</title>"));
        assertFalse(title.contains("<bdi"), "a title cannot hold markup: " + title);
    }

    @Test
    void theEnglishHintsAreUnchanged() throws Exception {
        String html = formPage("en");
        assertTrue(html.contains("<span class=\"hint\" id=\"cnic-hint\">13 digits, for example 61101-1234567-1</span>"), html);
        assertTrue(html.contains("<span class=\"hint\" id=\"mobile-hint\">For example 0300-1234567</span>"), html);
        assertFalse(html.contains("<bdi"), html);
    }
}
