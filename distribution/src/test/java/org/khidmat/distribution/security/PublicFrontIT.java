package org.khidmat.distribution.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * The holes an attacker found in the public front (with an agency staff account and with none), each tried again
 * against the real built centre. The centre runs as behind a proxy at 127.0.0.3 ({@code KHIDMAT_BEHIND_PROXY},
 * {@code KHIDMAT_TRUSTED_PROXIES}); each test is a client of its own at another loopback address, so that the
 * per-address throttles of one test do not touch another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFrontIT {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "public-front-admin-password";
    private static final String PROXY = "127.0.0.3";
    private static final String SERVICE = "ictpolice.lost-report";
    private static final AtomicInteger CNICS = new AtomicInteger(1000);
    @TempDir
    static Path temp;
    private Centre centre;
    private Wire wire;
    private String adminCookie;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("KHIDMAT_BEHIND_PROXY", "true").env("KHIDMAT_TRUSTED_PROXIES", PROXY);
        Files.writeString(centre.home().resolve("conf/centre.properties"), "\nappointments.needApplication=ictpolice"
                + ".tenant-registration\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String optional = TestBundles.descriptor("optcnic.permit", "optcnic", "Optional CNIC permit")
                .replace("\"required\": true", "\"required\": false");
        TestBundles.bundle("org.test.optcnic", "1.0.0").descriptor("permit", optional)
                .writeTo(centre.deploy().resolve("optcnic.jar"));
        centre.start();
        wire = new Wire(Integer.parseInt(centre.url("").replaceAll(".*:(\\d+).*", "$1")));
        Wire.Answer login = wire.json("127.0.0.1", "POST", "/api/v1/login", "",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertEquals(200, login.status(), login.toString());
        adminCookie = "Cookie: khidmat_session=" + login.cookie("khidmat_session") + "\r\n";
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private static String cnic() {
        return String.format("61101-%07d-1", CNICS.incrementAndGet());
    }

    private static JsonNode json(Wire.Answer a) throws IOException {
        return JSON.readTree(a.body());
    }

    /** Files a lost-document report for a CNIC; @return its reference */
    private String file(String from, String cnic) throws IOException {
        Wire.Answer a = wire.json(from, "POST", "/api/v1/applications", "", """
                {"serviceId":"%s","answers":{"cnic":"%s","fullName":"Ayesha Khan","document":"cnic","lostOn":"%s",
                 "place":"Near the F-7 market","mobile":"0300 1234567"}}""".formatted(SERVICE, cnic,
                LocalDate.now(ZoneId.of("Asia/Karachi")).minusDays(2)));
        assertEquals(201, a.status(), a.toString());
        return json(a).get("reference").asText();
    }

    /** @return bookable (day, start) places of a service with room, at least {@code n} of them */
    private List<String[]> places(String from, String service, int n) throws IOException {
        List<String[]> out = new ArrayList<>();
        LocalDate d = LocalDate.now(ZoneId.of("Asia/Karachi"));
        for (int i = 0; i < 10 && out.size() < n; i++, d = d.plusDays(1)) {
            Wire.Answer a = wire.send(from, "GET", "/api/v1/services/" + service + "/slots?day=" + d, "", null);
            if (a.status() != 200) {
                continue;
            }
            for (JsonNode s : json(a).get("slots")) {
                for (int k = 0; k < s.get("free").asInt(); k++) {
                    out.add(new String[] {d.toString(), s.get("start").asText()});
                }
            }
        }
        assertTrue(out.size() >= n, "enough free places to try: " + out.size());
        return out;
    }

    private Wire.Answer book(String from, String service, String[] place, String cnic, String reference) {
        return wire.json(from, "POST", "/api/v1/appointments", "", "{\"service\":\"" + service + "\",\"day\":\"" + place[0]
                + "\",\"start\":\"" + place[1] + "\",\"cnic\":\"" + cnic + "\"" + (reference == null ? ""
                        : ",\"reference\":\"" + reference + "\"") + "}");
    }

    private JsonNode audit(String q) throws IOException {
        Wire.Answer a = wire.send("127.0.0.1", "GET", "/api/v1/audit?limit=1000&q=" + q, adminCookie, null);
        assertEquals(200, a.status(), a.toString());
        return json(a);
    }

    @Test
    void aSecondBookingWithAKnownCnicNeverAnswersWithTheHeldCodeOrReference() throws IOException {
        String from = "127.0.0.11";
        String cnic = cnic();
        String reference = file(from, cnic);
        List<String[]> places = places(from, SERVICE, 2);
        Wire.Answer mine = book(from, SERVICE, places.get(0), cnic, reference);
        assertEquals(201, mine.status(), mine.toString());
        String code = json(mine).get("code").asText();
        Wire.Answer stranger = book("127.0.0.31", SERVICE, places.get(1), cnic, null);
        assertEquals(409, stranger.status(), stranger.toString());
        assertEquals("ALREADY_BOOKED", json(stranger).get("outcome").asText());
        assertFalse(stranger.has(code), "the held booking's code: " + stranger);
        assertFalse(stranger.has(reference), "the application's reference: " + stranger);
        assertEquals(404, wire.json("127.0.0.31", "POST", "/api/v1/appointments/cancel", "",
                "{\"code\":\"WRONG-CODE\",\"cnic\":\"" + cnic + "\"}").status());
    }

    @Test
    void aMadeUpCredentialDoesNotSkipThePublicThrottleAndLoginsHaveOne() throws IOException {
        int refused = 0;
        for (int i = 0; i < 130 && refused == 0; i++) {
            Wire.Answer a = wire.json("127.0.0.12", "POST", "/api/v1/applications/track", "Cookie: khidmat_session=guess" + i
                    + "\r\nAuthorization: Bearer kh_guess\r\n", "{\"reference\":\"AAAA-BBBB-C\",\"cnic\":\"" + cnic() + "\"}");
            refused += a.status() == 429 ? 1 : 0;
        }
        assertEquals(1, refused, "CNIC guessing with a made-up cookie and bearer header is held back like any public POST");
        int held = 0;
        for (int i = 0; i < 2 * 60 + 1 && held == 0; i++) {
            held += wire.json("127.0.0.13", "POST", "/api/v1/login", "", "{}").status() == 429 ? 1 : 0;
        }
        assertEquals(1, held, "logins from one address are throttled too");
    }

    @Test
    void twoHundredSlowBodiesFromOneAddressDoNotStopTheCentre() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port(), InetAddress.getByName("127.0.0.14"), 0);
                s.setSoTimeout(1);
                s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: x\r\nCookie: khidmat_session=x\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nu").getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long started = System.nanoTime();
            int answered = 0;
            while (System.nanoTime() - started < 24_000_000_000L) { // a byte to each every 2 s, 24 s at most
                for (Socket s : slow) {
                    drip(s);
                }
                Wire.Answer health = wire.send("127.0.0.15", "GET", "/health", "", null);
                assertEquals(200, health.status(), "the centre answers another client while the slow bodies come");
                answered++;
                Thread.sleep(2_000);
            }
            assertTrue(answered >= 5, "answered all along: " + answered);
            long open = slow.stream().filter(s -> !s.isClosed()).count();
            assertEquals(0, open, "every slow connection was closed by the centre");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private int port() {
        return Integer.parseInt(centre.url("").replaceAll(".*:(\\d+).*", "$1"));
    }

    private static void drip(Socket s) {
        if (s.isClosed()) {
            return;
        }
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
            try {
                if (s.getInputStream().read() >= -1) {
                    s.close(); // answered or closed by the centre: over
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // still waiting for more body
            }
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already ended
            }
        }
    }

    @Test
    void oneAddressCannotBookAServicesDayWithMadeUpCnics() throws IOException {
        String from = "127.0.0.16";
        List<String[]> places = places(from, SERVICE, 25);
        int booked = 0;
        Wire.Answer last = null;
        for (int i = 0; i < 25; i++) {
            last = book(from, SERVICE, places.get(i), cnic(), null);
            if (last.status() != 201) {
                break;
            }
            booked++;
        }
        assertEquals(20, booked, "20 bookings a day from one address");
        assertEquals(429, last.status(), last.toString());
    }

    @Test
    void aCnicHoldsAFewBookingsAndAServiceMayAskForAnApplication() throws IOException {
        String from = "127.0.0.17";
        String cnic = cnic();
        JsonNode services = json(wire.send(from, "GET", "/api/v1/services", "", null));
        List<String> ids = new ArrayList<>();
        for (JsonNode s : services) {
            if (s.get("enabled").asBoolean() && !s.get("id").asText().equals("ictpolice.tenant-registration") && ids.size() < 4) {
                ids.add(s.get("id").asText());
            }
        }
        for (int i = 0; i < 3; i++) {
            Wire.Answer a = book(from, ids.get(i), places(from, ids.get(i), 1).get(0), cnic, null);
            assertEquals(201, a.status(), a.toString());
        }
        Wire.Answer fourth = book(from, ids.get(3), places(from, ids.get(3), 1).get(0), cnic, null);
        assertEquals(409, fourth.status(), "a fourth open booking for one CNIC: " + fourth);

        Wire.Answer none = book("127.0.0.18", "ictpolice.tenant-registration", places("127.0.0.18",
                "ictpolice.tenant-registration", 1).get(0), cnic(), null);
        assertEquals(422, none.status(), "the service asks for a filed application: " + none);
    }

    @Test
    void loginsAuditBoundedNamesAndHeldBackTriesInAggregate() throws Exception {
        String from = "127.0.0.19";
        String huge = "z".repeat(30_000);
        Wire.Answer a = wire.json(from, "POST", "/api/v1/login", "", "{\"username\":\"" + huge + "\",\"password\":\"x\"}");
        assertEquals(401, a.status(), a.toString());
        for (JsonNode e : audit("login.failure")) {
            assertTrue(e.get("subject").asText().length() <= 64 && e.get("detail").asText().length() <= 100,
                    "a bounded audit row: " + e.get("subject").asText().length());
        }
        int before = audit("login.throttled").size();
        for (int i = 0; i < 25; i++) {
            wire.json(from, "POST", "/api/v1/login", "", "{\"username\":\"sara\",\"password\":\"guess " + i + "\"}");
        }
        int rows = audit("login.throttled").size() - before;
        assertTrue(rows >= 1 && rows <= 2, "the held-back tries are written once, not each: " + rows);
    }

    @Test
    void aFormPageKeepsNothingItsRulesRefused() {
        String from = "127.0.0.20";
        Wire.Answer start = wire.form(from, "/services/" + SERVICE + "/start", "", "");
        String draft = start.cookie("khidmat_draft");
        assertNotNull(draft, start.toString());
        String cookie = "Cookie: khidmat_draft=" + draft + "\r\n";
        Wire.Answer refused = wire.form(from, "/apply/" + SERVICE + "/page/1", cookie, "cnic=not-a-cnic&fullName="
                + "Marker-" + "q".repeat(3000) + "&lostOn=yesterday");
        assertEquals(200, refused.status(), "the page again, with its problems");
        assertTrue(refused.has("Marker-"), "the refused answers are shown back to be corrected");
        Wire.Answer again = wire.send(from, "GET", "/apply/" + SERVICE + "/page/1", cookie, null);
        assertEquals(200, again.status(), again.toString());
        assertFalse(again.has("Marker-"), "but none was kept in the draft");
    }

    @Test
    void onlyTheTrustedProxysHopIsTheClientAddress() throws Exception {
        wire.json(PROXY, "POST", "/api/v1/login", "X-Forwarded-For: 1.1.1.1, 198.51.100.7\r\n",
                "{\"username\":\"proxied\",\"password\":\"wrong password\"}");
        wire.json("127.0.0.21", "POST", "/api/v1/login", "X-Forwarded-For: 9.9.9.9\r\n",
                "{\"username\":\"direct\",\"password\":\"wrong password\"}");
        String rows = audit("login.failure").toString();
        assertTrue(rows.contains("from 198.51.100.7"), "the proxy's hop: " + rows);
        assertFalse(rows.contains("1.1.1.1"), "not what the client wrote: " + rows);
        assertTrue(rows.contains("from 127.0.0.21") && !rows.contains("9.9.9.9"), "no proxy, no forwarded address: " + rows);
    }

    @Test
    void errorAnswersAreFixedWordsWithTheHeaders() {
        String from = "127.0.0.22";
        for (String path : new String[] {"/api/v1/agency/applications", "/api/v1/applications/moves"}) {
            Wire.Answer a = wire.send(from, path.endsWith("moves") ? "POST" : "GET", path, "", path.endsWith("moves") ? "" : null);
            assertEquals(401, a.status(), path + ": " + a);
            assertFalse(a.has("Exception") || a.has("begin "), a.toString());
        }
        for (String bad : new String[] {"Bad<Header\r\n", "X-Big: " + "b".repeat(20_000) + "\r\n"}) {
            Wire.Answer a = wire.send(from, "GET", "/", bad, null);
            assertTrue(a.status() == 400 || a.status() == 431, a.toString());
            assertTrue(a.has("Content-Security-Policy: default-src 'self'") && a.has("X-Frame-Options: DENY"), a.toString());
            assertFalse(a.has("Bad<Header") || a.has("Exception"), a.toString());
        }
    }

    @Test
    void theJsonLoginRefusesAnythingButJson() {
        Wire.Answer a = wire.send("127.0.0.23", "POST", "/api/v1/login", "Content-Type: text/plain\r\n",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertEquals(415, a.status(), a.toString());
        assertTrue(a.cookie("khidmat_session") == null, "no session for a text/plain login");
    }

    @Test
    void aQueueTokenTellsNothingAboutAReferenceWithoutItsCnic() throws IOException {
        String from = "127.0.0.24";
        String cnic = cnic();
        String reference = file(from, cnic);
        Wire.Answer unknown = wire.json(from, "POST", "/api/v1/queue/tokens", "", "{\"service\":\"" + SERVICE
                + "\",\"reference\":\"AAAA-BBBB-C\"}");
        Wire.Answer real = wire.json(from, "POST", "/api/v1/queue/tokens", "", "{\"service\":\"" + SERVICE
                + "\",\"reference\":\"" + reference + "\"}");
        Wire.Answer other = wire.json(from, "POST", "/api/v1/queue/tokens", "", "{\"service\":\"ictpolice.character-certificate\""
                + ",\"reference\":\"" + reference + "\"}");
        assertEquals(422, unknown.status(), unknown.toString());
        assertEquals(422, real.status(), "a real reference without its CNIC reads as unknown: " + real);
        assertEquals(422, other.status(), other.toString());
        assertEquals(json(unknown).get("error").asText().replace("AAAA-BBBB-C", reference), json(real).get("error").asText());
        assertEquals(json(real).get("error").asText(), json(other).get("error").asText(), "nor which service it is for");
        Wire.Answer mine = wire.json(from, "POST", "/api/v1/queue/tokens", "", "{\"service\":\"" + SERVICE
                + "\",\"reference\":\"" + reference + "\",\"cnic\":\"" + cnic + "\"}");
        assertEquals(201, mine.status(), "with its CNIC the token carries it: " + mine);
    }

    @Test
    void aServiceWhoseCnicIsOptionalFilesWithoutOne() throws Exception {
        assertTrue(Centre.await(java.time.Duration.ofSeconds(30), () -> wire.send("127.0.0.25", "GET",
                "/api/v1/services/optcnic.permit", "", null).status() == 200), "the test bundle is deployed");
        Wire.Answer a = wire.json("127.0.0.25", "POST", "/api/v1/applications", "",
                "{\"serviceId\":\"optcnic.permit\",\"answers\":{}}");
        assertEquals(201, a.status(), "filed, not a 500: " + a);
    }

    @Test
    void failuresFromOneAddressDoNotLockOutStaffThereWhoHaveNotFailed() throws Exception {
        String office = "127.0.0.26";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 55; i++) {
                int n = i;
                tries.add(pool.submit(() -> wire.json(office, "POST", "/api/v1/login", "",
                        "{\"username\":\"guess" + n + "\",\"password\":\"wrong password\"}").status()));
            }
            for (Future<Integer> f : tries) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Wire.Answer admin = wire.json(office, "POST", "/api/v1/login", "",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertEquals(200, admin.status(), "the admin behind the same NAT still logs in: " + admin);
    }
}
