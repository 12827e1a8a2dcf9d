package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * Three nodes over one SQLite database file, as a country of centres runs over one database: two nodes serve the
 * Islamabad centre ({@code KHIDMAT_CENTRE=isb-g11}), one the Lahore centre ({@code lhr-01}); each has its own home and
 * port, and its name (Lahore's also in Urdu). Applications are national; the hall (queue and its screen) is the centre's, across its nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentresIT {
    private static final String PASSWORD = "a-long-staff-password";
    @TempDir
    static Path temp;
    private Centre islamabad;
    private Centre islamabad2;
    private Centre lahore;

    @BeforeAll
    void start() throws Exception {
        Path database = temp.resolve("country/khidmat.db");
        islamabad = node("isb-1", "isb-g11", database, "\"name\": \"AKM Islamabad\",");
        islamabad2 = node("isb-2", "isb-g11", database, "\"name\": \"AKM Islamabad\",");
        lahore = node("lhr-1", "lhr-01", database, "\"name\": \"AKM Lahore\", \"names\": [\"ur=آسان خدمت مرکز لاہور\"],");
        Staff.admin(islamabad).createAccount("counter-isb", PASSWORD, "OPERATOR", null);
    }

    /** @param names the centre's name settings, in place of the default name's line */
    private static Centre node(String home, String centre, Path database, String names) throws Exception {
        Centre node = Centre.install(temp.resolve(home));
        Path conf = node.home().resolve("conf/org.khidmat.centre.cfg.json");
        String settings = Files.readString(conf);
        assertTrue(settings.contains("\"name\": \"Asan Khidmat Markaz\","), settings);
        Files.writeString(conf, settings.replace("\"name\": \"Asan Khidmat Markaz\",", names));
        Files.writeString(node.home().resolve("conf/org.khidmat.store.cfg.json"),
                "{\"database\": \"" + database.toAbsolutePath() + "\"}");
        return node.env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).env("KHIDMAT_CENTRE", centre).start();
    }

    @AfterAll
    void stop() throws Exception {
        for (Centre c : new Centre[] {islamabad, islamabad2, lahore}) {
            if (c != null) {
                c.stop();
            }
        }
    }

    @Test
    void anApplicationFiledInIslamabadIsTrackedInLahore() throws Exception {
        HttpResponse<String> filed = post(islamabad, "/api/v1/applications",
                ApplicationApiIT.police("6110112345671", "Ayesha Khan"));
        assertEquals(201, filed.statusCode(), filed.body());
        String reference = Staff.read(filed).get("reference").asText();
        HttpResponse<String> tracked = post(lahore, "/api/v1/applications/track",
                "{\"reference\":\"" + reference + "\",\"cnic\":\"6110112345671\"}");
        assertEquals(200, tracked.statusCode(), tracked.body());
        assertEquals("submitted", Staff.read(tracked).at("/status/id").asText());

        // the figures count it for the centre it was filed at, and for the country
        int country = filed(lahore, "");
        int islamabadFiled = filed(lahore, "?centre=isb-g11");
        int lahoreFiled = filed(islamabad, "?centre=lhr-01");
        assertTrue(islamabadFiled >= 1, "filed in Islamabad: " + islamabadFiled);
        assertEquals(country, islamabadFiled + lahoreFiled, "the centres add up to the country");
        HttpResponse<String> bad = lahore.get("/api/v1/figures?centre=Lahore%20Centre");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("isb-g11"), bad.body());
    }

    @Test
    void theOpenFiguresPageShowsTheCountryAndLinksEachCentreByItsName() {
        HttpResponse<String> country = lahore.get("/figures?lang=en");
        assertEquals(200, country.statusCode());
        String page = country.body();
        assertTrue(page.contains("id=\"centre-all\" aria-current=\"page\">The whole country</a>"), page);
        for (String centre : new String[] {"isb-g11", "lhr-01"}) {
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"/figures\\?centre=" + centre
                    + "&amp;from=[0-9-]+&amp;to=[0-9-]+\" id=\"centre-" + centre + "\">([^<]+)</a>").matcher(page);
            assertTrue(link.find(), "a link to " + centre + ": " + page);
            assertFalse(link.group(1).isBlank(), "named");
        }
        String urdu = islamabad.get("/figures?lang=ur&centre=lhr-01").body();
        assertTrue(urdu.contains("پورا ملک") && urdu.contains("id=\"centre-lhr-01\" aria-current=\"page\""), urdu);
        assertTrue(urdu.contains("<input type=\"hidden\" name=\"centre\" value=\"lhr-01\">"), urdu);
        String islamabadInUrdu = islamabad.get("/figures?lang=ur&centre=isb-g11").body();
        assertTrue(islamabadInUrdu.contains("id=\"centre-lhr-01\">آسان خدمت مرکز لاہور</a>"),
                "Lahore's Urdu name, from Lahore's configuration, on an Islamabad node: " + islamabadInUrdu);
        assertTrue(islamabadInUrdu.contains("id=\"centre-isb-g11\" aria-current=\"page\"><span lang=\"en\" dir=\"ltr\">AKM Islamabad</span></a>"),
                "a centre without an Urdu name keeps its English one, marked as English: " + islamabadInUrdu);
        assertTrue(islamabadInUrdu.contains("<p id=\"centre-shown\">مرکز <span lang=\"en\" dir=\"ltr\">AKM Islamabad</span> کے اعداد و شمار</p>"),
                islamabadInUrdu);
        HttpResponse<String> bad = islamabad.get("/figures?lang=ur&centre=Lahore%20Centre");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("فہرست میں سے کوئی مرکز یا پورا ملک چنیں"), bad.body());
    }

    /** @return the applications of ictpolice.character-certificate in today's figures */
    private static int filed(Centre node, String query) {
        JsonNode rows = Staff.read(node.get("/api/v1/figures" + query)).get("rows");
        int n = 0;
        for (JsonNode row : rows) {
            if ("ictpolice.character-certificate".equals(row.path("serviceId").asText())) {
                n += row.get("applications").asInt();
            }
        }
        return n;
    }

    @Test
    void aCallShowsOnTheHallScreensOfItsCentreOnAnyNodeAndNotOnAnotherCentres() throws Exception {
        Events sameCentre = Events.open(islamabad2);
        Events otherCentre = Events.open(lahore);
        try {
            assertNotNull(sameCentre.until(l -> l.startsWith("data: {\"calls\":"), Duration.ofSeconds(10)), "the board at once");
            assertNotNull(otherCentre.until(l -> l.startsWith("data: {\"calls\":"), Duration.ofSeconds(10)), "the board at once");
            int lahoreWaiting = Staff.read(lahore.get("/api/v1/queue/called")).get("waiting").asInt();

            HttpResponse<String> taken = post(islamabad, "/api/v1/queue/tokens", "{\"service\":\"secp.name-reservation\"}");
            assertEquals(201, taken.statusCode(), taken.body());
            Staff operator = Staff.login(islamabad, "counter-isb", PASSWORD);
            HttpResponse<String> next = operator.post("/api/v1/counters/3/next", "");
            assertEquals(200, next.statusCode(), next.body());
            long calledAt = System.nanoTime();
            String number = Staff.read(next).at("/token/number").asText();
            String call = "{\"number\":\"" + number + "\",\"counter\":3";

            String shown = sameCentre.until(l -> l.startsWith("data: ") && l.contains(call), Duration.ofSeconds(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - calledAt);
            assertNotNull(shown, "the other Islamabad node's hall screen shows the call");
            System.out.println("CentresIT: the call showed on the other node's hall screen after " + millis + " ms");
            assertTrue(millis < 1_000, "shown after " + millis + " ms, more than 1 s");
            assertTrue(Staff.read(islamabad.get("/api/v1/queue/called")).toString().contains(call),
                    "the calling node's own board shows it");

            assertNull(otherCentre.until(l -> l.contains(call), Duration.ofMillis(1_500)), "Lahore's screen does not");
            JsonNode lahoreBoard = Staff.read(lahore.get("/api/v1/queue/called"));
            assertFalse(lahoreBoard.toString().contains(call), lahoreBoard.toString());
            assertEquals(lahoreWaiting, lahoreBoard.get("waiting").asInt(), "Islamabad's token is not in Lahore's queue");
            HttpResponse<String> lahoreCall = Staff.login(lahore, "counter-isb", PASSWORD).post("/api/v1/counters/3/next", "");
            assertEquals(200, lahoreCall.statusCode(), lahoreCall.body());
            assertTrue(Staff.read(lahoreCall).get("token").isNull(), "nothing waits in Lahore: " + lahoreCall.body());
        } finally {
            sameCentre.close();
            otherCentre.close();
        }
    }

    private static HttpResponse<String> post(Centre node, String path, String json) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A hall screen's event stream, read line by line on a thread of its own. */
    private record Events(BlockingQueue<String> lines, HttpResponse<Stream<String>> response) implements AutoCloseable {
        static Events open(Centre node) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(URI.create(node.url("/display/events")))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode());
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    r.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test is over
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return new Events(lines, r);
        }

        String until(Predicate<String> wanted, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                String line = lines.poll(20, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
