package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration in one place, on the built centre: the environment variables the README names beat
 * {@code conf/*.cfg.json}, and a changed file is seen by the running centre without a restart, a wrong value in it
 * reported with its file, key and fix while the value in force stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path temp;
    private Centre centre;
    private int filePort;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre"));
        filePort = Centre.freePort();
        Path conf = centre.home().resolve("conf");
        // the file trusts loopback as a proxy and names another port: the environment must win on both
        Files.writeString(conf.resolve("org.khidmat.http.cfg.json"), "{\"port\": " + filePort
                + ", \"forwarded\": true, \"trustedProxies\": [\"127.0.0.0/8\"]}");
        Files.writeString(conf.resolve("org.khidmat.web.cfg.json"), "{\"publicPostsPerMinute\": 2}");
        centre.env("KHIDMAT_BEHIND_PROXY", "true").env("KHIDMAT_TRUSTED_PROXIES", "10.9.9.9").start();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private int track(String client) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url("/track")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("reference=X&cnic=Y"))).statusCode();
    }

    @Test
    void khidmatPortAndTrustedProxiesBeatTheFileAndTheLimitChangesWithoutARestart() throws Exception {
        assertEquals(200, centre.get("/health").statusCode(), "KHIDMAT_PORT is the port");
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", filePort).close(), "the file's port is not bound");

        // loopback is not a trusted proxy (KHIDMAT_TRUSTED_PROXIES): the forwarded clients are all this one address
        assertTrue(track("203.0.113.1") != 429);
        assertTrue(track("203.0.113.2") != 429);
        assertEquals(429, track("203.0.113.3"), "2 a minute from conf/org.khidmat.web.cfg.json, one address");

        write("org.khidmat.web.cfg.json", "{\"publicPostsPerMinute\": 50}");
        assertTrue(Centre.await(Duration.ofSeconds(15), () -> track("203.0.113.4") != 429),
                "the new limit is taken by the running centre");
    }

    @Test
    void appointmentHoursChangeWithoutARestartAndAWrongValueKeepsTheOneInForce() throws Exception {
        String slots = "/api/v1/services/nadra.cnic-renewal/slots?day=" + LocalDate.now().plusDays(1);
        JsonNode before = JSON.readTree(centre.get(slots).body()).path("rules");
        assertEquals("09:00", before.path("opens").asText());
        assertEquals(30, before.path("slotMinutes").asInt());

        write("org.khidmat.appointments.cfg.json", """
                {"opens": "10:30", "closes": "13:00", "slotMinutes": "sixty", "slotMinuets": 60}""");
        assertTrue(Centre.await(Duration.ofSeconds(15), () -> rules(slots).path("opens").asText().equals("10:30")),
                "the running centre takes the new hours: " + rules(slots));
        assertEquals("13:00", rules(slots).path("closes").asText());
        assertEquals(30, rules(slots).path("slotMinutes").asInt(), "the wrong value changed nothing");
        String log = Files.readString(centre.home().resolve("logs/khidmat.0.log"));
        assertTrue(log.contains("conf/org.khidmat.appointments.cfg.json: \"slotMinutes\": \"sixty\" is not valid: write a"
                + " whole number from 5 to 480 (no quotes); keeping 30 (the value in force)"), log);
        assertTrue(log.contains("conf/org.khidmat.appointments.cfg.json: unknown key \"slotMinuets\" is ignored"), log);
    }

    private JsonNode rules(String slots) {
        try {
            return JSON.readTree(centre.get(slots).body()).path("rules");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file elsewhere and moves it in, as an editor or a deployment tool does. */
    private void write(String name, String json) throws IOException {
        Path tmp = centre.home().resolve("conf").resolve(name + ".tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, centre.home().resolve("conf").resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
