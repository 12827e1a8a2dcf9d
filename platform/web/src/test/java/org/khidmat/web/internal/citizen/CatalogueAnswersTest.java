package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.api.ApiHandler;
import org.khidmat.web.internal.http.FakeCatalogue;
import org.khidmat.web.internal.http.FakeDeployer;
import org.khidmat.web.internal.http.JsonOut;
import org.khidmat.web.internal.http.SecurityHeaders;
import org.khidmat.web.internal.http.TestServer;
import org.khidmat.web.internal.http.TrustedProxies;
import org.khidmat.web.internal.page.ServiceJson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Applications;

/**
 * {@code /api/v1/services} and the catalogue page {@code /} on a server on a free loopback port with a catalogue in
 * memory: prepared once per catalogue stamp, with a strong ETag, 304 on a match, gzip only when asked, the security
 * headers, the same bytes as the list written afresh, the filters and pages of the JSON, and a large catalogue grouped.
 */
class CatalogueAnswersTest {
    private static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-20T00:00:00Z");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FakeCatalogue catalogue;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        catalogue = new FakeCatalogue().add("nadra", "cnic", "identity", DAY1).add("nadra", "family", "identity", DAY2)
                .add("excise", "vehicle", "vehicles", DAY1).add("ictadmin", "birth", "certificates", DAY2);
        Applications none = (Applications) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Applications.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        Handler.Sequence site = new Handler.Sequence(new ApiHandler(catalogue, FakeDeployer.ready(() -> true)),
                CitizenSite.routes(catalogue, none, new ApplyPages(none, new Drafts(new MemoryDraftStore()), null), new TrackSections(null, null, null)));
        server = new TestServer(site, TrustedProxies.parse(""), 1000);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theServiceListIsTaggedAndAnswers304ToItsTag() throws Exception {
        HttpResponse<byte[]> first = get("/api/v1/services");
        assertEquals(200, first.statusCode());
        String tag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(tag, "an ETag");
        assertTrue(tag.startsWith("\""), "a strong tag: " + tag);
        assertTrue(first.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
        assertEquals(String.valueOf(first.body().length), first.headers().firstValue("Content-Length").orElse(null));
        // the same bytes as the list written afresh from the catalogue
        assertArrayEquals(JsonOut.bytes(ServiceJson.list(catalogue.services())), first.body());

        HttpResponse<byte[]> again = get("/api/v1/services", "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(tag, again.headers().firstValue("ETag").orElse(null));
        assertEquals("DENY", again.headers().firstValue("X-Frame-Options").orElse(null), "security headers on a 304 too");
        assertEquals(200, get("/api/v1/services", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void aChangeOfTheCatalogueGivesNewBytesAndANewTag() throws Exception {
        HttpResponse<byte[]> before = get("/api/v1/services");
        String tag = before.headers().firstValue("ETag").orElseThrow();
        catalogue.add("fbr", "ntn", "tax", DAY2);
        HttpResponse<byte[]> after = get("/api/v1/services", "If-None-Match", tag);
        assertEquals(200, after.statusCode(), "the old tag no longer matches");
        assertNotEquals(tag, after.headers().firstValue("ETag").orElseThrow());
        assertTrue(text(after).contains("fbr.ntn"));
        assertFalse(text(before).contains("fbr.ntn"));
    }

    @Test
    void preparedOncePerStamp() throws Exception {
        get("/api/v1/services");
        int reads = catalogue.reads;
        get("/api/v1/services");
        get("/api/v1/services", "Accept-Encoding", "gzip");
        assertEquals(reads, catalogue.reads, "answered from the prepared bytes, not the list");
        catalogue.add("fbr", "ntn", "tax", DAY2);
        get("/api/v1/services");
        assertEquals(reads + 1, catalogue.reads, "read again once after a change");
    }

    @Test
    void gzipOnlyWhenAsked() throws Exception {
        HttpResponse<byte[]> plain = get("/api/v1/services");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        HttpResponse<byte[]> zipped = get("/api/v1/services", "Accept-Encoding", "gzip, deflate");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(plain.body(), gunzip(zipped.body()));
        assertNotEquals(plain.headers().firstValue("ETag"), zipped.headers().firstValue("ETag"), "a tag per encoding");
        assertEquals(304, get("/api/v1/services", "Accept-Encoding", "gzip", "If-None-Match",
                zipped.headers().firstValue("ETag").orElseThrow()).statusCode());
        assertTrue(get("/api/v1/services", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void filteredByAgencyCategoryAndChangeTime() throws Exception {
        String nadra = text(get("/api/v1/services?agency=nadra"));
        assertTrue(nadra.contains("nadra.cnic") && nadra.contains("nadra.family") && !nadra.contains("excise.vehicle"), nadra);
        String vehicles = text(get("/api/v1/services?category=vehicles"));
        assertTrue(vehicles.contains("excise.vehicle") && !vehicles.contains("nadra."), vehicles);
        String recent = text(get("/api/v1/services?changedSince=2026-11-10T00:00:00Z"));
        assertTrue(recent.contains("nadra.family") && recent.contains("ictadmin.birth") && !recent.contains("nadra.cnic"), recent);
        assertEquals("[]", text(get("/api/v1/services?agency=nobody")));
    }

    @Test
    void pagedWithALinkToTheNext() throws Exception {
        HttpResponse<byte[]> page1 = get("/api/v1/services?limit=3");
        String link = page1.headers().firstValue("Link").orElseThrow();
        assertEquals("</api/v1/services?limit=3&after=nadra.cnic>; rel=\"next\"", link);
        assertTrue(text(page1).contains("excise.vehicle") && text(page1).contains("ictadmin.birth")
                && !text(page1).contains("nadra.family"));
        HttpResponse<byte[]> page2 = get(link.substring(1, link.indexOf('>')));
        assertEquals(200, page2.statusCode());
        assertTrue(text(page2).contains("nadra.family") && !text(page2).contains("nadra.cnic"), text(page2));
        assertTrue(page2.headers().firstValue("Link").isEmpty(), "the last page links no further");
    }

    @Test
    void badParametersAre400WithTheReason() throws Exception {
        HttpResponse<byte[]> limit = get("/api/v1/services?limit=0");
        assertEquals(400, limit.statusCode());
        assertTrue(text(limit).contains("limit"), text(limit));
        HttpResponse<byte[]> since = get("/api/v1/services?changedSince=yesterday");
        assertEquals(400, since.statusCode());
        assertTrue(text(since).contains("ISO-8601"), text(since));
        assertEquals(400, get("/api/v1/services?after=Not%20An%20Id").statusCode());
    }

    @Test
    void theCataloguePageIsTaggedPerLanguage() throws Exception {
        HttpResponse<byte[]> en = get("/");
        assertEquals(200, en.statusCode());
        String tag = en.headers().firstValue("ETag").orElseThrow();
        assertTrue(text(en).contains("Title of cnic") && text(en).contains("Summary of cnic"), "a small catalogue in full");
        assertEquals(SecurityHeaders.CSP, en.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals(304, get("/", "If-None-Match", tag).statusCode());
        HttpResponse<byte[]> ur = get("/", "Cookie", "khidmat_lang=ur", "If-None-Match", tag);
        assertEquals(200, ur.statusCode(), "the Urdu page is other bytes");
        assertTrue(text(ur).contains("lang=\"ur\"") && text(ur).contains("عنوان cnic"));
        assertTrue(text(get("/?lang=ur")).contains("dir=\"rtl\""));
        assertTrue(text(get("/?q=vehicle")).contains("Title of vehicle"), "a search is still answered");
        assertNull(get("/?q=vehicle").headers().firstValue("ETag").orElse(null), "a search is made for the request");
    }

    @Test
    void aLargeCatalogueIsGroupedByCategoryAndAgency() throws Exception {
        for (int i = 0; i < 120; i++) {
            catalogue.add(i % 2 == 0 ? "punjab" : "fbr", "service-" + i, i % 3 == 0 ? "tax" : "licences", DAY1);
        }
        String page = text(get("/"));
        assertTrue(page.contains("<h2 id=\"c-tax\">Tax (40)</h2>"), page);
        assertTrue(page.contains("<h3>PUNJAB (40)</h3>"), page);
        assertTrue(page.contains("<a href=\"/services/fbr.service-1\">Title of service-1</a>"));
        assertTrue(page.contains("href=\"/?category=licences\""));
        assertFalse(page.contains("Summary of service-1"), "titles only");
        String licences = text(get("/?category=licences"));
        assertTrue(licences.contains("Summary of service-1"), "a category's list in full");
    }

    @Test
    void fourHundredAndFortyOneServicesStayFindableAndThePageStaysSmall() throws Exception {
        String[] categories = {"identity", "passports", "tax", "business", "vehicles", "utilities", "civil", "police"};
        for (int i = 0; i < 437; i++) {
            catalogue.add(String.format("agency%02d", i % 37), "service-" + i, categories[i % categories.length], DAY1);
        }
        assertEquals(441, catalogue.services().size());
        for (String lang : new String[] {"en", "ur"}) {
            HttpResponse<byte[]> r = get("/?lang=" + lang);
            String page = text(r);
            assertTrue(page.contains("id=\"by-topic\"") && page.contains("id=\"by-event\""), "browse by topic and by life event");
            assertTrue(page.contains("href=\"/services/agency29.service-399\""), "every service has its link");
            assertFalse(page.contains("Summary of service-399"), "titles only on the first page");
            // the figure for the report: the first page of 441 services, in bytes
            System.out.println("catalogue page, 441 services, " + lang + ": " + r.body().length + " bytes");
            assertTrue(r.body().length < 200_000, "the first page stays small: " + r.body().length);
            HttpResponse<byte[]> gz = get("/?lang=" + lang, "Accept-Encoding", "gzip");
            System.out.println("  gzip: " + gz.body().length + " bytes");
        }
        String found = text(get("/?q=servce+399"));
        assertTrue(found.contains("1 service found"), "one letter missing is forgiven, and every word must be found");
        assertTrue(found.indexOf("/services/agency29.service-399") > 0);
        assertTrue(text(get("/?category=tax")).contains("55 services found"));
        assertTrue(text(get("/?event=business")).contains("55 services found"), "the life event 'starting a business'");
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
