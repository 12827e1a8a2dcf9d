package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The applications API against the real distribution: the good path, every error path (each a 4xx with a clear
 * message and nothing stored), the workflow's moves, and that every acknowledged application survives a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String POLICE = "ictpolice.character-certificate";
    static final String CNIC = "61101-1234567-1";

    @TempDir
    static Path temp;
    private Centre centre;
    private final List<String> acknowledged = new ArrayList<>();
    /** Agency staff of ictpolice, logged in; the inbox and the moves need a login. */
    private Staff staff;
    private Staff admin;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).start();
        staff = Staff.admin(centre).createAccount("sana", "a-long-staff-password", "AGENCY", "ictpolice");
        admin = Staff.admin(centre);
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    static String police(String cnic, String fullName) {
        return """
                {"serviceId":"ictpolice.character-certificate","answers":{"fullName":"%s","cnic":"%s","purpose":"visa",
                 "address":"House 1, Street 2, F-7/3","mobile":"0300 1234567"}}""".formatted(fullName, cnic);
    }

    HttpResponse<String> post(String path, String body) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    int stored(String agency) throws Exception {
        HttpResponse<String> r = admin.get("/api/v1/agency/" + agency + "/applications");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).size();
    }

    @Test
    @Order(1)
    void fileTrackAndMove() throws Exception {
        HttpResponse<String> r = post("/api/v1/applications", police(CNIC, "Ayesha Khan"));
        assertEquals(201, r.statusCode(), r.body());
        String ref = JSON.readTree(r.body()).get("reference").asText();
        assertTrue(ref.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]"), ref);
        acknowledged.add(ref);

        JsonNode t = JSON.readTree(post("/api/v1/applications/track", "{\"reference\":\"" + ref.toLowerCase().replace("-", "")
                + "\",\"cnic\":\"6110112345671\"}").body());
        assertEquals("submitted", t.get("status").get("id").asText());
        assertEquals(1, t.get("history").size());
        assertFalse(t.toString().contains("6110112345671"), "the CNIC is not echoed: " + t);

        HttpResponse<String> wrongPair = post("/api/v1/applications/track", "{\"reference\":\"" + ref + "\",\"cnic\":\"61101-1234567-2\"}");
        HttpResponse<String> unknown = post("/api/v1/applications/track", "{\"reference\":\"ZZZZ-ZZZZ-Z\",\"cnic\":\"" + CNIC + "\"}");
        assertEquals(404, wrongPair.statusCode());
        assertEquals(wrongPair.body(), unknown.body(), "a wrong pair gets the same answer as an unknown reference");

        assertError(staff.post("/api/v1/applications/" + ref + "/moves", "{\"to\":\"verification\"}"), 409, "not paid yet");
        centre.pay(ref, CNIC);
        HttpResponse<String> moved = staff.post("/api/v1/applications/" + ref + "/moves",
                "{\"to\":\"verification\",\"actor\":\"Sana\",\"note\":\"sent to the F-7 station\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        JsonNode h = JSON.readTree(moved.body()).get("history");
        assertEquals(2, h.size());
        assertEquals("sana", h.get(1).get("actor").asText(), "the mover is the logged-in account");
        assertEquals("sent to the F-7 station", h.get(1).get("note").asText());

        JsonNode inbox = JSON.readTree(staff.get("/api/v1/agency/ictpolice/applications?status=verification").body());
        assertEquals(1, inbox.size());
        assertEquals("61101-*******-1", inbox.get(0).get("cnic").asText(), "masked in lists");

        // the applicant was told by SMS (the simulated provider) that it was filed, paid and moved
        assertTrue(Centre.await(Duration.ofSeconds(10), () -> admin.get("/admin/messages").body()
                .contains(ref + "</td><td>status</td><td>sms</td><td dir=\"ltr\">0300*****67</td><td>sent<")),
                admin.get("/admin/messages").body());
        String outbox = admin.get("/admin/messages").body();
        assertTrue(outbox.contains(ref + "</td><td>submitted</td>") && outbox.contains(ref + "</td><td>paid</td>"), outbox);
        assertFalse(outbox.contains("03001234567"), "recipients are masked");
        assertEquals(403, staff.get("/admin/messages").statusCode(), "agency staff may not read the outbox");
        String recorded = Files.readString(centre.home().resolve("data/simnotify/sent.jsonl"));
        assertTrue(recorded.contains("\"reference\":\"" + ref + "\"") && recorded.contains("is now: "), recorded);
    }

    @Test
    @Order(2)
    void everyErrorIsA4xxWithAMessageAndStoresNothing() throws Exception {
        int before = stored("ictpolice") + stored("nadra");
        assertError(post("/api/v1/applications", "{\"serviceId\": \"ictpolice.character-certificate\", "), 400, "not valid JSON");
        assertError(post("/api/v1/applications", "[1,2]"), 400, "must be a JSON object");
        assertError(post("/api/v1/applications", ""), 400, "empty");
        assertError(centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(police(CNIC, "Ali Raza")))), 400,
                "application/json");
        assertError(post("/api/v1/applications", "{\"answers\":{}}"), 400, "'serviceId' is required");
        assertError(post("/api/v1/applications", "{\"serviceId\":\"ictpolice.character-certificate\"}"), 400, "'answers' is required");
        assertError(post("/api/v1/applications", "{\"serviceId\":\"ictpolice.character-certificate\",\"answers\":{\"cnic\":1}}"),
                400, "answers.cnic must be a string");
        // text no field may hold is refused at the edge, naming the field (SQLite would store a NUL; PostgreSQL cannot)
        assertError(post("/api/v1/applications", police(CNIC, "Ali\\u0000Raza")), 400,
                "'answers.fullName' holds a NUL character (U+0000)");
        assertError(post("/api/v1/applications", police(CNIC, "Ali\\ud800Raza")), 400,
                "'answers.fullName' holds half of a character (a lone surrogate, U+D800)");
        assertError(post("/api/v1/applications", police(CNIC, "Ali Raza").replace("visa", "vi\\u001bsa")), 400,
                "'answers.purpose' holds a control character (U+001B)");
        assertError(post("/api/v1/applications", police(CNIC, "Ali Raza").replace(POLICE, "nadra.no-such-service")), 404,
                "no service nadra.no-such-service");

        HttpResponse<String> missing = post("/api/v1/applications", "{\"serviceId\":\"" + POLICE + "\",\"answers\":{}}");
        assertError(missing, 422, "nothing was stored");
        JsonNode fields = JSON.readTree(missing.body()).get("problems");
        assertEquals(List.of("fullName", "cnic", "purpose", "address", "mobile"), fields.findValuesAsText("field"));

        HttpResponse<String> invalid = post("/api/v1/applications", police("12345-123", "Al").replace("visa", "holiday")
                .replace("0300 1234567", "12345"));
        assertError(invalid, 422, "problem");
        String problems = JSON.readTree(invalid.body()).get("problems").toString();
        for (String expected : List.of("CNIC number must be 13 digits", "3 characters or more", "from the list",
                "Pakistani phone number")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
        assertError(post("/api/v1/applications", police(CNIC, "Ali Raza").replace("\"purpose\"", "\"colour\":\"red\",\"purpose\"")),
                422, "problem");
        assertError(post("/api/v1/applications", "{\"serviceId\":\"nadra.cnic-renewal\",\"tier\":\"overnight\",\"answers\":{}}"),
                422, "problem");
        assertTrue(post("/api/v1/applications", "{\"serviceId\":\"nadra.cnic-renewal\",\"tier\":\"overnight\",\"answers\":{}}")
                .body().contains("no speed 'overnight'"));
        // a rule of the descriptor (NADRA: 18 or over), with its message in both languages on its field
        HttpResponse<String> young = post("/api/v1/applications", """
                {"serviceId":"nadra.cnic-renewal","tier":"normal","answers":{"cnic":"6110112345671","fullName":"Young Person",
                 "dateOfBirth":"%s","cardExpiry":"%s","mobile":"03001234567"}}""".formatted(
                java.time.LocalDate.now().minusYears(10), java.time.LocalDate.now().plusDays(30)));
        assertError(young, 422, "problem");
        JsonNode rule = JSON.readTree(young.body()).get("problems").get(0);
        assertEquals("dateOfBirth", rule.get("field").asText(), young.body());
        assertEquals("You must be 18 or over to renew a CNIC; apply for a Juvenile card (B-form) instead", rule.get("en").asText());
        assertTrue(rule.get("ur").asText().startsWith("شناختی کارڈ کی تجدید کے لیے عمر 18 سال"), rule.toString());

        // only the head of an oversized request is sent: the centre answers from its Content-Length without reading
        // the body, and a client still writing that body may otherwise see the closed connection before the answer
        String big = Staff.anonymous(centre).declaring("POST", "/api/v1/applications", "application/json", 70 * 1024);
        assertTrue(big.startsWith("HTTP/1.1 413") && big.contains("larger than 64 KB"), big);

        assertEquals(before, stored("ictpolice") + stored("nadra"), "no failed request stored anything");
    }

    @Test
    @Order(3)
    void movesTheWorkflowDoesNotAllowAreRefused() throws Exception {
        String ref = JSON.readTree(post("/api/v1/applications", police(CNIC, "Bilal Ahmed")).body()).get("reference").asText();
        acknowledged.add(ref);
        assertError(staff.post("/api/v1/applications/" + ref + "/moves", "{\"to\":\"collected\"}"), 409,
                "does not allow submitted -> collected");
        assertError(staff.post("/api/v1/applications/" + ref + "/moves", "{\"to\":\"rejected\"}"), 422, "needs one");
        assertError(staff.post("/api/v1/applications/" + ref + "/moves", "{}"), 400, "'to' is required");
        assertError(staff.post("/api/v1/applications/ZZZZ-ZZZZ-Z/moves", "{\"to\":\"verification\"}"), 404, "no application");
        JsonNode t = JSON.readTree(post("/api/v1/applications/track", "{\"reference\":\"" + ref + "\",\"cnic\":\"" + CNIC + "\"}").body());
        assertEquals("submitted", t.get("status").get("id").asText());
        assertEquals(1, t.get("history").size(), "refused moves leave no history");
        assertError(centre.get("/api/v1/applications/track?reference=" + ref), 405, "not allowed");
    }

    @Test
    @Order(4)
    void everyAcknowledgedApplicationSurvivesARestart() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = post("/api/v1/applications", police("6110100000" + String.format("%03d", i), "Citizen Number " + i));
            assertEquals(201, r.statusCode(), r.body());
            acknowledged.add(JSON.readTree(r.body()).get("reference").asText());
        }
        String lastCnic = "6110100000009";
        String last = acknowledged.get(acknowledged.size() - 1);
        centre.stop();
        centre.start();
        for (int i = 0; i < acknowledged.size(); i++) {
            String ref = acknowledged.get(i);
            String cnic = i < 2 ? CNIC : "6110100000" + String.format("%03d", i - 2);
            HttpResponse<String> r = post("/api/v1/applications/track", "{\"reference\":\"" + ref + "\",\"cnic\":\"" + cnic + "\"}");
            assertEquals(200, r.statusCode(), ref + ": " + r.body());
        }
        assertEquals(200, post("/api/v1/applications/track", "{\"reference\":\"" + last + "\",\"cnic\":\"" + lastCnic + "\"}").statusCode());
        // without a login, the inbox and the staff API are not open; a staff session, kept in the database, outlives
        // the restart (another node behind the balancer would serve it the same)
        assertEquals(303, centre.get("/agency/inbox").statusCode());
        assertEquals(401, centre.get("/api/v1/agency/ictpolice/applications").statusCode());
        assertEquals(401, post("/api/v1/applications/" + last + "/moves", "{\"to\":\"verification\"}").statusCode());
        assertEquals(200, staff.get("/api/v1/session").statusCode(), "the staff session survived the restart");
        assertEquals(403, Staff.login(centre, "sana", "a-long-staff-password").get("/api/v1/agency/nadra/applications")
                .statusCode(), "agency staff see their own agency's applications only");
        try (Stream<Path> logs = Files.list(centre.home().resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains("6110112345671") || text.contains(CNIC), "a CNIC in " + log);
            }
        }
        assertFalse(String.join("\n", centre.output()).contains("6110112345671"));
    }

    static void assertError(HttpResponse<String> r, int status, String words) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains(words), "'" + words + "' in " + r.body());
    }
}
