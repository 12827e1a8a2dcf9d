package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The hall's JSON API and event stream over HTTP against the real distribution: tokens and their wait, counters
 * calling and finishing (401 without a login, 403 for agency staff or without the CSRF header), the hall display's
 * events after a call, 30 concurrent bookings of one slot that never overbook it, bad bookings refused with a
 * plain message and nothing stored, and an appointment checked in at the kiosk that is called before walk-ins.
 * The centre gives appointments every day, all day, and allows check-in up to 10 hours early, so that a slot of
 * today can be checked in whenever the test runs (but in the last minutes of the day).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloorApiIT {
    private static final String PASSWORD = "a-long-staff-password";
    private static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Karachi");
    @TempDir
    static Path temp;
    private Centre centre;
    private Staff admin;
    private Staff operator;
    private Staff agency;
    private Staff anonymous;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre"));
        Files.writeString(centre.home().resolve("conf/centre.properties"), """

                # FloorApiIT: every day, all day, check-in up to 10 hours early
                appointments.opens=00:00
                appointments.closes=23:50
                appointments.slotMinutes=10
                appointments.earliestMinutes=600
                appointments.days=MON,TUE,WED,THU,FRI,SAT,SUN
                """, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        // behind a proxy (loopback, the default trusted one), so that the concurrent bookings can come from as many
        // client addresses as a busy centre sees, each within its bookings a day
        centre.env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).env("KHIDMAT_BEHIND_PROXY", "true").start();
        admin = Staff.admin(centre);
        operator = admin.createAccount("counter-one", PASSWORD, "OPERATOR", null);
        agency = admin.createAccount("nadra-staff", PASSWORD, "AGENCY", "nadra");
        anonymous = Staff.anonymous(centre);
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private HttpResponse<String> post(String path, String json) {
        return anonymous.post(path, json);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Staff.read(r);
    }

    private static void assertError(HttpResponse<String> r, int status, String says) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        String error = json(r).get("error").asText();
        assertTrue(error.contains(says), "'" + error + "' should say '" + says + "'");
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    private JsonNode take(String service) {
        HttpResponse<String> r = post("/api/v1/queue/tokens", "{\"service\":\"" + service + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    private JsonNode slots(String service, LocalDate day) {
        HttpResponse<String> r = centre.get("/api/v1/services/" + service + "/slots?day=" + day);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private LocalDate lastDay(String service) {
        JsonNode days = slots(service, LocalDate.now(CENTRE_ZONE)).get("days");
        return LocalDate.parse(days.get(days.size() - 1).asText());
    }

    private static String booking(String service, LocalDate day, String start, String cnic) {
        return "{\"service\":\"" + service + "\",\"day\":\"" + day + "\",\"start\":\"" + start + "\",\"cnic\":\"" + cnic + "\"}";
    }

    @Test
    @Order(1)
    void aTokenTakenOverTheApiHasItsPlaceItsWaitAndItsPage() {
        JsonNode first = take("fbr.ntn-registration");
        JsonNode second = take("fbr.ntn-registration");
        assertEquals("waiting", first.get("state").asText());
        assertTrue(first.get("number").asText().matches("[A-Z]{1,2}-\\d{3}"), first.toString());
        assertEquals(first.get("ahead").asInt() + 1, second.get("ahead").asInt(), "the second waits behind the first");
        assertTrue(second.get("estimatedWaitMinutes").asInt() > 0, "six open counters serve it: " + second);
        assertEquals("/queue/tokens/" + first.get("id").asText(), first.get("page").asText());
        JsonNode again = json(centre.get("/api/v1/queue/tokens/" + first.get("id").asText()));
        assertEquals(first.get("number").asText(), again.get("number").asText());
        assertNull(again.get("reference"), "no reference for anyone but staff");
        HttpResponse<String> page = centre.get("/queue/tokens/" + first.get("id").asText());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(first.get("number").asText()));

        int waiting = json(centre.get("/api/v1/queue/called")).get("waiting").asInt();
        assertError(post("/api/v1/queue/tokens", "{}"), 400, "'service' is required");
        assertError(post("/api/v1/queue/tokens", "{\"service\":\"fbr.no-such\"}"), 404, "no service fbr.no-such");
        assertError(post("/api/v1/queue/tokens", "{\"service\":\"fbr.ntn-registration\",\"reference\":\"AAAA-BBBB-C\"}"),
                422, "no application AAAA-BBBB-C");
        assertError(post("/api/v1/queue/tokens", "{\"service\":"), 400, "not valid JSON");
        assertError(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/queue/tokens")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("fbr.ntn-registration")), false), 400, "application/json");
        assertError(centre.get("/api/v1/queue/tokens/abc"), 404, "no such token");
        assertError(centre.get("/api/v1/queue/tokens"), 405, "use POST");
        HttpResponse<String> kiosk = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/queue?lang=en"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service=fbr.ntn-registration&reference=AAAA-BBBB-C")), false);
        assertEquals(422, kiosk.statusCode());
        assertTrue(kiosk.body().contains("id=\"reference-error\"")
                && kiosk.body().contains("No application of this service has that reference"), kiosk.body());
        assertEquals(waiting, json(centre.get("/api/v1/queue/called")).get("waiting").asInt(), "no token was taken by bad input");
    }

    @Test
    @Order(2)
    void countersAreForOperatorsAndAdminsOnly() {
        String id = take("fbr.atl-status").get("id").asText();
        for (String path : List.of("/api/v1/counters/1/next", "/api/v1/queue/tokens/" + id + "/served",
                "/api/v1/queue/tokens/" + id + "/no-show")) {
            assertError(anonymous.post(path, ""), 401, "log in");
            assertError(agency.post(path, ""), 403, "may not do this");
            assertError(operator.postWithoutCsrf(path, ""), 403, "X-CSRF-Token");
        }
        assertError(operator.post("/api/v1/counters/99/next", ""), 404, "no counter 99");
        assertNull(json(agency.get("/api/v1/queue/tokens/" + id)).get("reference"), "agency staff are not hall staff");
        assertTrue(json(operator.get("/api/v1/queue/tokens/" + id)).has("reference"), "hall staff see the reference field");

        HttpResponse<String> next = operator.post("/api/v1/counters/1/next", "");
        assertEquals(200, next.statusCode(), next.body());
        JsonNode called = json(next).get("token");
        assertEquals("called", called.get("state").asText());
        assertEquals(1, called.get("counter").asInt());
        JsonNode board = json(centre.get("/api/v1/queue/called"));
        assertEquals(called.get("number").asText(), board.at("/calls/0/number").asText(), "the newest call is first");
        assertEquals(1, board.at("/calls/0/counter").asInt());
        String calledId = called.get("id").asText();
        HttpResponse<String> served = admin.post("/api/v1/queue/tokens/" + calledId + "/served", "");
        assertEquals(200, served.statusCode(), served.body());
        assertEquals("served", json(served).get("state").asText());
        assertError(operator.post("/api/v1/queue/tokens/" + calledId + "/no-show", ""), 409, "only a called token");

        JsonNode other = json(operator.post("/api/v1/counters/2/next", "")).get("token");
        HttpResponse<String> missed = operator.post("/api/v1/queue/tokens/" + other.get("id").asText() + "/no-show", "");
        assertEquals("no-show", json(missed).get("state").asText(), missed.body());
    }

    @Test
    @Order(3)
    void theHallDisplaysStreamSendsAnEventAfterACall() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(URI.create(centre.url("/display/events")))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertNotNull(until(lines, l -> l.startsWith("data: {\"calls\":")), "the board at once");
            take("secp.name-reservation");
            HttpResponse<String> next = operator.post("/api/v1/counters/5/next", "");
            assertEquals(200, next.statusCode(), next.body());
            String number = json(next).at("/token/number").asText();
            String event = until(lines, l -> l.startsWith("data: ") && l.contains("{\"number\":\"" + number + "\",\"counter\":5"));
            assertNotNull(event, "an event names the token called to counter 5");
            assertTrue(event.startsWith("data: {\"calls\":[{\"number\":\"" + number + "\""), "the newest first: " + event);
        } finally {
            stream.body().close();
        }
    }

    private static String until(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        return null;
    }

    @Test
    @Order(4)
    void thirtyConcurrentBookingsNeverOverbookASlot() throws Exception {
        String service = "itp.driving-licence";
        LocalDate day = lastDay(service);
        JsonNode before = slots(service, day);
        int capacity = before.at("/rules/capacity").asInt();
        JsonNode slot = before.get("slots").get(0);
        assertEquals(capacity, slot.get("free").asInt(), "a fresh slot");
        String start = slot.get("start").asText();
        int n = Math.max(30, capacity + 10);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String cnic = String.format("35202%07d1", 1000 + i);
                String from = "10.0.7." + (i + 1);
                answers.add(pool.submit(() -> {
                    go.await();
                    return anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/appointments"))
                            .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                            .POST(HttpRequest.BodyPublishers.ofString(booking(service, day, start, cnic))), false);
                }));
            }
            go.countDown();
            int booked = 0;
            int full = 0;
            Set<String> codes = new HashSet<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    booked++;
                    codes.add(json(r).get("code").asText());
                    assertTrue(json(r).get("cnic").asText().contains("*******"), "the CNIC comes back masked");
                } else {
                    assertEquals(409, r.statusCode(), r.body());
                    assertEquals("FULL", json(r).get("outcome").asText(), r.body());
                    full++;
                }
            }
            assertEquals(capacity, booked, "exactly the capacity is booked");
            assertEquals(n - capacity, full);
            assertEquals(capacity, codes.size(), "every booking has its own code");
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = slots(service, day).get("slots").get(0);
        assertEquals(start, after.get("start").asText());
        assertEquals(capacity, after.get("booked").asInt());
        assertEquals(0, after.get("free").asInt());
    }

    @Test
    @Order(5)
    void badBookingsAreRefusedWithAPlainMessageAndStoreNothing() {
        String service = "itp.learner-permit";
        LocalDate day = lastDay(service);
        String start = slots(service, day).get("slots").get(3).get("start").asText();
        String cnic = "61101-2222222-1";
        assertError(post("/api/v1/appointments", "{\"service\":"), 400, "not valid JSON");
        assertError(post("/api/v1/appointments", "{}"), 400, "'service' is required");
        assertError(post("/api/v1/appointments", "{\"service\":\"" + service + "\",\"day\":\"" + day + "\",\"start\":\"" + start
                + "\"}"), 400, "'cnic' is required");
        assertError(post("/api/v1/appointments", booking(service, day, start, "12345")), 422, "13 digits");
        assertError(post("/api/v1/appointments", booking(service, LocalDate.of(2026, 1, 1), start, cnic).replace("2026-01-01",
                "2026-02-30")), 400, "'day' must be a date");
        assertError(post("/api/v1/appointments", booking(service, day, "25:00", cnic)), 400, "'start' must be a time");
        assertError(post("/api/v1/appointments", booking(service, day, "10:07", cnic)), 422, "no slot at 10:07");
        assertError(post("/api/v1/appointments", booking(service, day.plusDays(400), start, cnic)), 422, "no slot");
        assertError(post("/api/v1/appointments", booking("itp.no-such", day, start, cnic)), 422, "no service itp.no-such");
        assertError(post("/api/v1/appointments", booking(service, day, start, cnic).replace("}", ",\"reference\":\"AAAA-BBBB-C\"}")),
                422, "no application");
        assertError(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/appointments")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(booking(service, day, start, cnic))), false), 400, "application/json");
        assertEquals(0, slots(service, day).get("slots").findValues("booked").stream().mapToInt(JsonNode::asInt).sum(),
                "nothing was booked");

        assertError(centre.get("/api/v1/services/" + service + "/slots"), 400, "?day=YYYY-MM-DD");
        assertError(centre.get("/api/v1/services/" + service + "/slots?day=soon"), 400, "?day=YYYY-MM-DD");
        assertError(centre.get("/api/v1/services/" + service + "/slots?day=" + day.plusDays(400)), 422, "cannot be booked");
        assertError(centre.get("/api/v1/services/itp.no-such/slots?day=" + day), 404, "no service itp.no-such");
        assertError(post("/api/v1/appointments/check-in", "{\"code\":\"AAAA-BBBB-C\"}"), 400, "'cnic' is required");
        assertError(post("/api/v1/appointments/check-in", "{\"code\":\"AAAA-BBBB-C\",\"cnic\":\"" + cnic + "\"}"), 404, "no appointment");
        assertError(post("/api/v1/appointments/cancel", "{\"code\":\"AAAA-BBBB-C\",\"cnic\":\"" + cnic + "\"}"), 404, "no booked");
    }

    @Test
    @Order(6)
    void anAppointmentChecksInAtTheKioskAndIsCalledBeforeWalkIns() throws IOException {
        String service = "nadra.cnic-renewal";
        LocalDate today = LocalDate.now(CENTRE_ZONE);
        JsonNode todays = slots(service, today).get("slots");
        Assumptions.assumeTrue(todays.size() > 0, "no slot is left today (the last minutes of the day)");
        take("nadra.cnic-new"); // a walk-in of the same category, taken first
        String cnic = "61101-3333333-1";
        HttpResponse<String> booked = post("/api/v1/appointments", booking(service, today, todays.get(0).get("start").asText(), cnic));
        assertEquals(201, booked.statusCode(), booked.body());
        String code = json(booked).get("code").asText();
        assertTrue(json(booked).at("/arrival/en").asText().contains("no earlier than 600 minutes before"), booked.body());
        HttpResponse<String> again = post("/api/v1/appointments", booking(service, today, todays.get(0).get("start").asText(), cnic));
        assertEquals(409, again.statusCode());
        assertEquals("ALREADY_BOOKED", json(again).get("outcome").asText(), "one appointment per CNIC and service");
        assertFalse(again.body().contains(code), "and the answer never tells the held one's code: " + again.body());

        HttpResponse<String> kiosk = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/appointments/check-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&cnic=" + cnic.replace("-", ""))), false);
        assertEquals(303, kiosk.statusCode(), kiosk.body());
        String tokenPage = URI.create(kiosk.headers().firstValue("Location").orElseThrow()).getPath();
        assertTrue(tokenPage.startsWith("/queue/tokens/"), tokenPage);
        String id = tokenPage.substring("/queue/tokens/".length());
        JsonNode token = json(centre.get("/api/v1/queue/tokens/" + id));
        assertTrue(token.get("withAppointment").asBoolean());
        assertEquals(0, token.get("ahead").asInt(), "checked-in appointments are called first");
        assertTrue(centre.get(tokenPage).body().contains("id=\"token-appointment\""), "the token page says it came with an appointment");

        HttpResponse<String> twice = post("/api/v1/appointments/check-in", "{\"code\":\"" + code + "\",\"cnic\":\"" + cnic + "\"}");
        assertEquals(200, twice.statusCode(), twice.body());
        assertEquals("ALREADY_CHECKED_IN", json(twice).get("outcome").asText());
        assertEquals(id, json(twice).at("/token/id").asText(), "the same token");
        assertError(post("/api/v1/appointments/check-in", "{\"code\":\"" + code + "\",\"cnic\":\"61101-3333333-2\"}"), 404,
                "no appointment");
        assertError(post("/api/v1/appointments/cancel", "{\"code\":\"" + code + "\",\"cnic\":\"" + cnic + "\"}"), 404, "no booked");

        JsonNode called = json(operator.post("/api/v1/counters/4/next", "")).get("token");
        assertEquals(token.get("number").asText(), called.get("number").asText(), "the appointment before the older walk-in");

        LocalDate later = lastDay(service);
        HttpResponse<String> future = post("/api/v1/appointments", booking(service, later,
                slots(service, later).get("slots").get(0).get("start").asText(), "61101-4444444-1"));
        assertEquals(201, future.statusCode(), future.body());
        HttpResponse<String> early = post("/api/v1/appointments/check-in", "{\"code\":\"" + json(future).get("code").asText()
                + "\",\"cnic\":\"6110144444441\"}");
        assertError(early, 409, "not today");
        assertEquals("NOT_VALID", json(early).get("outcome").asText());
    }
}
