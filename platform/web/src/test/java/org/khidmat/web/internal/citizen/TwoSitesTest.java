package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.FakeCatalogue;
import org.khidmat.web.internal.http.TestServer;
import org.khidmat.web.internal.http.TrustedProxies;
import org.khidmat.web.internal.page.Site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Centre;

/**
 * Two centres served from one JVM, each server with its own {@link Site}: each page shows its own centre's name and
 * colour, whichever was configured last, and offers its own languages with its own default.
 */
class TwoSitesTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private TestServer lahore;
    private TestServer quetta;

    private static Centre centre(String name, String colour, String zone, List<String> languages) {
        return new Centre() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String shortName() {
                return name;
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of(zone);
            }

            @Override
            public String logo() {
                return "";
            }

            @Override
            public String colour() {
                return colour;
            }

            @Override
            public List<String> languages() {
                return languages;
            }
        };
    }

    private static Handler site() {
        FakeCatalogue catalogue = new FakeCatalogue().add("nadra", "cnic", "identity", Instant.parse("2026-11-01T00:00:00Z"));
        Applications none = (Applications) java.lang.reflect.Proxy.newProxyInstance(TwoSitesTest.class.getClassLoader(),
                new Class<?>[] {Applications.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        return CitizenSite.routes(catalogue, none, new ApplyPages(none, new Drafts(new MemoryDraftStore()), null),
                new TrackSections(null, null, null));
    }

    @BeforeEach
    void start() throws Exception {
        Centre l = centre("Lahore Khidmat Markaz", "#1a2b3c", "Asia/Karachi", List.of("en", "ur"));
        Centre q = centre("Quetta Khidmat Markaz", "#c3b2a1", "Asia/Karachi", List.of("ur", "en"));
        lahore = new TestServer(new Site.Scope(() -> l, site()), TrustedProxies.parse(""), 1000);
        quetta = new TestServer(new Site.Scope(() -> q, site()), TrustedProxies.parse(""), 1000);
    }

    @AfterEach
    void stop() throws Exception {
        lahore.close();
        quetta.close();
    }

    private String get(TestServer server, String path, String cookieLang) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path)).timeout(Duration.ofSeconds(5));
        if (cookieLang != null) {
            b.header("Cookie", "khidmat_lang=" + cookieLang);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void twoSitesWithTwoBrandsRenderTheirOwn() throws Exception {
        for (int i = 0; i < 2; i++) {
            String a = get(lahore, "/track", "en");
            String b = get(quetta, "/track", "en");
            assertTrue(a.contains(">Lahore Khidmat Markaz</a>") && a.contains("/assets/brand.css?c=1a2b3c"), a);
            assertFalse(a.contains("Quetta") || a.contains("c3b2a1"), a);
            assertTrue(b.contains(">Quetta Khidmat Markaz</a>") && b.contains("/assets/brand.css?c=c3b2a1"), b);
            assertFalse(b.contains("Lahore") || b.contains("1a2b3c"), b);
        }
    }

    @Test
    void eachSiteOffersItsOwnLanguagesWithItsOwnDefault() throws Exception {
        assertTrue(get(lahore, "/track", null).contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(get(quetta, "/track", null).contains("<html lang=\"ur\" dir=\"rtl\">"), "Quetta's first language is Urdu");
        String sd = get(quetta, "/track", "sd");
        assertTrue(sd.contains("<html lang=\"ur\" dir=\"rtl\">") && !sd.contains("hreflang=\"sd\""),
                "a language with files the centre does not offer is neither chosen nor listed: " + sd);
    }
}
