package org.khidmat.web.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.web.internal.page.Failures;

/**
 * Two citizen sites (two nodes) on loopback ports over one database of drafts, each page sent to the other node than
 * the page before, as a balancer that does not stick would: the form goes on wherever it lands, each page reads the
 * draft once and writes it at most once (filing: a claim, then the reference), and a write the database refuses is a
 * 503 page, never an answer dropped in silence.
 */
class ApplyAcrossNodesTest {
    private static final String ID = "ictadmin.birth-certificate";
    private static final String CNIC = "61101-1234567-1";
    private final MemoryDraftStore store = new MemoryDraftStore();
    private final AtomicInteger submits = new AtomicInteger();
    private final List<Server> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String a;
    private String b;

    @BeforeEach
    void start() throws Exception {
        CatalogueEntry entry;
        try (InputStream in = getClass().getResourceAsStream("/descriptors/birth-certificate.json")) {
            entry = new CatalogueEntry(Descriptors.parse(in, "services/birth-certificate.json"), "org.khidmat.test", "1.0.0",
                    true, null);
        }
        Catalogue catalogue = (Catalogue) Proxy.newProxyInstance(Catalogue.class.getClassLoader(),
                new Class<?>[] {Catalogue.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "services" -> List.of(entry);
                    case "service" -> entry.id().equals(args[0]) ? Optional.of(entry) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Applications applications = (Applications) Proxy.newProxyInstance(Applications.class.getClassLoader(),
                new Class<?>[] {Applications.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "checkPage" -> List.of();
                    case "submit" -> {
                        submits.incrementAndGet();
                        yield new SubmitResult(SubmitResult.Outcome.ACCEPTED, "KM7Q-4XPA-K", List.of());
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        a = serve(catalogue, applications);
        b = serve(catalogue, applications);
    }

    private String serve(Catalogue catalogue, Applications applications) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Failures(CitizenSite.routes(catalogue, applications,
                new ApplyPages(applications, new Drafts(store), null), new TrackSections(null, null, null))));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        for (Server s : servers) {
            s.stop();
        }
    }

    private HttpResponse<String> send(String node, String method, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(5));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (method.equals("POST")) {
            r.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String begin() throws Exception {
        HttpResponse<String> started = send(a, "POST", "/services/" + ID + "/start", null, "");
        assertEquals(303, started.statusCode(), started.body());
        return started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** Sends one page and checks what it cost the database. */
    private HttpResponse<String> page(String node, String method, String path, String cookie, String form, int reads,
            int writes) throws Exception {
        int r0 = store.reads.get();
        int w0 = store.writes.get();
        HttpResponse<String> answer = send(node, method, path, cookie, form);
        assertEquals(reads, store.reads.get() - r0, method + " " + path + ": reads of the draft");
        assertEquals(writes, store.writes.get() - w0, method + " " + path + ": writes of the draft");
        return answer;
    }

    @Test
    void aFormBegunOnOneNodeIsFiledOnTheOtherReadingOnceAndWritingAtMostOnceAPage() throws Exception {
        String cookie = begin();
        assertEquals(200, page(b, "GET", "/apply/" + ID + "/page/1", cookie, null, 1, 0).statusCode());
        HttpResponse<String> sent = page(a, "POST", "/apply/" + ID + "/page/1", cookie,
                "cnic=" + CNIC + "&mobile=0300-7654321", 1, 1);
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals("/apply/" + ID + "/check", sent.headers().firstValue("Location").orElse(""));
        HttpResponse<String> check = page(b, "GET", "/apply/" + ID + "/check", cookie, null, 1, 0);
        assertTrue(check.body().contains("0300-7654321"), "node b shows what node a kept: " + check.body());
        HttpResponse<String> filed = page(a, "POST", "/apply/" + ID + "/check", cookie, "", 1, 2);
        assertEquals("/apply/" + ID + "/done", filed.headers().firstValue("Location").orElse(""), filed.body());
        HttpResponse<String> done = page(b, "GET", "/apply/" + ID + "/done", cookie, null, 1, 0);
        assertTrue(done.body().contains("KM7Q-4XPA-K"), done.body());
        assertEquals(1, submits.get());
        assertEquals(303, page(b, "POST", "/apply/" + ID + "/check", cookie, "", 1, 0).statusCode(),
                "a filed draft files nothing more");
        assertEquals(1, submits.get());
    }

    @Test
    void aPageOnlyReadKeepsTheDraftAliveWithAtMostOneWriteAMinute() throws Exception {
        String cookie = begin();
        String key = cookie.substring(cookie.indexOf('=') + 1);
        store.age(key, Duration.ofSeconds(30));
        page(b, "GET", "/apply/" + ID + "/page/1", cookie, null, 1, 0);
        store.age(key, Duration.ofMinutes(90));
        page(a, "GET", "/apply/" + ID + "/page/1", cookie, null, 1, 1);
        page(b, "GET", "/apply/" + ID + "/page/1", cookie, null, 1, 0);
        store.age(key, Duration.ofMinutes(90));
        assertEquals(200, page(a, "GET", "/apply/" + ID + "/page/1", cookie, null, 1, 1).statusCode(),
                "three hours since it began, but used within two: still there");
    }

    @Test
    void aSecondFilingOfADraftBeingFiledElsewhereFilesNothing() throws Exception {
        String cookie = begin();
        page(a, "POST", "/apply/" + ID + "/page/1", cookie, "cnic=" + CNIC + "&mobile=0300-7654321", 1, 1);
        String key = cookie.substring(cookie.indexOf('=') + 1);
        Instant now = Instant.now();
        assertTrue(store.claim(key, now, now.plusSeconds(30)), "another node is filing it");
        HttpResponse<String> second = send(b, "POST", "/apply/" + ID + "/check", cookie, "");
        assertEquals(303, second.statusCode());
        assertEquals("/apply/" + ID + "/done", second.headers().firstValue("Location").orElse(""));
        assertEquals(0, submits.get(), "not filed twice");
    }

    @Test
    void aDraftWriteTheDatabaseRefusesIsA503Page() throws Exception {
        String cookie = begin();
        store.failWrites = true;
        HttpResponse<String> refused = send(b, "POST", "/apply/" + ID + "/page/1", cookie, "cnic=" + CNIC + "&mobile=0300-7654321");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("could not be saved"), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals(503, send(a, "POST", "/services/" + ID + "/start", null, "").statusCode(), "nor can a form begin");
        store.failWrites = false;
        HttpResponse<String> again = send(a, "POST", "/apply/" + ID + "/page/1", cookie, "cnic=" + CNIC + "&mobile=0300-7654321");
        assertEquals(303, again.statusCode(), "sent again once the database is back: " + again.body());
    }
}
