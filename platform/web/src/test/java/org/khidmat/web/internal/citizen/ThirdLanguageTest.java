package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.FakeCatalogue;
import org.khidmat.web.internal.http.TestServer;
import org.khidmat.web.internal.http.TrustedProxies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Applications;

/**
 * A language that is only files (the test-only {@code citizen_sd.properties}, right to left, a few words) is a
 * language of the citizen pages: chosen by its cookie, written with its direction and English for the words it lacks,
 * listed in the switch with English and Urdu, and a language without files is refused by the switch.
 */
class ThirdLanguageTest {
    private static final Pattern SWITCH = Pattern.compile("<nav aria-label=\"[^\"]*\">(.*?)</nav>");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        FakeCatalogue catalogue = new FakeCatalogue().add("nadra", "cnic", "identity", Instant.parse("2026-11-01T00:00:00Z"));
        Applications none = (Applications) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Applications.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        server = new TestServer(CitizenSite.routes(catalogue, none, new ApplyPages(none, new Drafts(new MemoryDraftStore()), null),
                new TrackSections(null, null, null)), TrustedProxies.parse(""), 1000);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path, String cookieLang) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path)).timeout(Duration.ofSeconds(5));
        if (cookieLang != null) {
            b.header("Cookie", "khidmat_lang=" + cookieLang);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSindhiCookieGivesTheCitizenPagesInSindhiRightToLeftWithEnglishForTheWordsItLacks() throws Exception {
        String catalogue = get("/", "sd").body();
        assertTrue(catalogue.contains("<html lang=\"sd\" dir=\"rtl\">"), catalogue);
        assertTrue(catalogue.contains("سرڪاري خدمت ڳوليو"), "the Sindhi word: " + catalogue);
        assertTrue(catalogue.contains("<a class=\"skip\" href=\"#main\"><span lang=\"en\" dir=\"ltr\">Skip to main content</span></a>"),
                "English for a word Sindhi lacks, marked as English (left to right): " + catalogue);
        assertTrue(catalogue.contains("Promised time</span>: 7 working days") && !catalogue.contains("٧"),
                "numbers in the digits of the words' language (English, as the Sindhi file names no locale): " + catalogue);
        String track = get("/track", "sd").body();
        assertTrue(track.contains("<html lang=\"sd\" dir=\"rtl\">") && track.contains("درخواست جي صورتحال ڏسو"), track);
        assertTrue(track.contains("13 عدد، مثال طور <bdi dir=\"ltr\">61101-1234567-1</bdi>"),
                "a CNIC reads left to right in right-to-left text: " + track);
        assertTrue(track.contains("<span lang=\"en\" dir=\"ltr\">Reference number</span>"), "a word Sindhi lacks: " + track);
        String urdu = get("/?lang=ur", "sd").body();
        assertTrue(urdu.contains("<html lang=\"ur\" dir=\"rtl\">"), "the query comes before the cookie: " + urdu);
    }

    @Test
    void theSwitchListsEveryLanguageByItsOwnNameTheCurrentOneMarked() throws Exception {
        String page = get("/track", "sd").body();
        Matcher m = SWITCH.matcher(page);
        assertTrue(m.find(), page);
        String nav = m.group(1);
        assertTrue(nav.contains("href=\"/lang?to=en&amp;back=%2Ftrack\" lang=\"en\" hreflang=\"en\">English</a>"), nav);
        assertTrue(nav.contains("href=\"/lang?to=ur&amp;back=%2Ftrack\" lang=\"ur\" hreflang=\"ur\">اردو</a>"), nav);
        assertTrue(nav.contains("aria-current=\"true\" href=\"/lang?to=sd&amp;back=%2Ftrack\" lang=\"sd\" hreflang=\"sd\">سنڌي</a>"), nav);
        assertTrue(nav.indexOf(">English<") < nav.indexOf(">اردو<") && nav.indexOf(">English<") < nav.indexOf(">سنڌي<"),
                "English first, then (without a centre's own order) the others by code: " + nav);
        assertTrue(nav.contains("id=\"lang-switch\" href=\"/lang?to=en"), "the first other language keeps the switch's id: " + nav);
    }

    @Test
    void theSwitchTakesALanguageWithFilesAndRefusesOneWithoutInThePageLanguage() throws Exception {
        HttpResponse<String> to = get("/lang?to=sd&back=/track", "en");
        assertEquals(303, to.statusCode(), to.body());
        assertTrue(to.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("khidmat_lang=sd")), to.headers().toString());
        HttpResponse<String> refused = get("/lang?to=xx&back=/track", "ur");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<html lang=\"ur\" dir=\"rtl\">") && refused.body().contains("xx"), refused.body());
        assertTrue(refused.headers().allValues("Set-Cookie").isEmpty(), "a refused language is not remembered");
    }
}
