package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * Two centres (two homes, two ports, two processes) over ONE database file, as two nodes behind a balancer that does
 * not stick: a session opened on one serves on the other, a logout on one ends it on both, the public form limit holds
 * across both, and each message queued is sent once, by one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoCentresIT {
    @TempDir
    static Path temp;
    private Centre a;
    private Centre b;
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start() throws Exception {
        a = Centre.install(temp.resolve("a")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD)
                .env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "6").env("KHIDMAT_NODE", "node-a");
        b = Centre.install(temp.resolve("b")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD)
                .env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "6").env("KHIDMAT_NODE", "node-b");
        Path shared = temp.resolve("a").resolve("data").resolve("khidmat.db").toAbsolutePath();
        Files.writeString(b.home().resolve("conf/org.khidmat.store.cfg.json"), "{\"database\": \"" + shared + "\"}\n");
        a.start();
        b.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
    }

    private HttpResponse<String> withCookie(Centre centre, String method, String path, String session, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(centre.url(path))).header("Cookie", "khidmat_session=" + session)
                .timeout(Duration.ofSeconds(10));
        if (csrf != null) {
            r.header("X-CSRF-Token", csrf).header("Content-Type", "application/json");
        }
        r.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return plain.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionOpenedOnOneCentreServesOnTheOtherAndALogoutThereEndsItOnBoth() throws Exception {
        Staff admin = Staff.admin(a);
        String session = admin.sessionId();
        assertEquals(200, withCookie(a, "GET", "/api/v1/session", session, null).statusCode());
        HttpResponse<String> onB = withCookie(b, "GET", "/api/v1/session", session, null);
        assertEquals(200, onB.statusCode(), "node b knows node a's session: " + onB.body());
        assertEquals(200, withCookie(b, "POST", "/api/v1/logout", session, admin.csrf).statusCode(),
                "node b takes node a's CSRF token too");
        assertEquals(401, withCookie(a, "GET", "/api/v1/session", session, null).statusCode(), "logged out on b: gone on a");
        assertEquals(401, withCookie(b, "GET", "/api/v1/session", session, null).statusCode());
    }

    @Test
    void thePublicFormLimitHoldsAcrossBothAndEachMessageIsSentOnce() throws Exception {
        while (LocalTime.now().getSecond() > 40) { // the limit counts per minute: start early in one
            Thread.sleep(1000);
        }
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Centre node = i % 2 == 0 ? a : b;
            HttpResponse<String> r = node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/applications")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApplicationApiIT.police("61101-1234567-1", "Ayesha Khan"))));
            assertEquals(201, r.statusCode(), "post " + (i + 1) + " on node " + (i % 2 == 0 ? "a" : "b") + ": " + r.body());
            JsonNode body = Staff.JSON.readTree(r.body());
            references.add(body.get("reference").asText());
        }
        for (Centre node : List.of(a, b)) {
            HttpResponse<String> refused = node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/applications")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApplicationApiIT.police("61101-1234567-1", "Ayesha Khan"))));
            assertEquals(429, refused.statusCode(), "each node saw 3 or 4, together 6: the 7th waits on " + node.url("/"));
        }
        assertTrue(Centre.await(Duration.ofSeconds(20), () -> sentLines(references) >= references.size()),
                "every message sent: " + sentLines(references));
        Thread.sleep(2_000); // a second sender, were there one, would have sent by now
        for (String reference : references) {
            assertEquals(1, count(reference), "message about " + reference + " sent once, by one node");
        }
    }

    private int sentLines(List<String> references) {
        int n = 0;
        for (String r : references) {
            n += count(r);
        }
        return n;
    }

    private int count(String reference) {
        int n = 0;
        for (Centre c : List.of(a, b)) {
            Path sent = c.home().resolve("data/simnotify/sent.jsonl");
            try {
                if (Files.exists(sent)) {
                    n += (int) Files.readAllLines(sent).stream().filter(l -> l.contains(reference)).count();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return n;
    }
}
