package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * A submission the server has acknowledged is never lost: ten times, citizens file applications and the centre is
 * killed with SIGKILL after 1 to 3 s; then every acknowledged reference tracks with its CNIC, the database passes
 * SQLite's integrity check, and every stored application has its application.submit audit row and its "received"
 * message in the outbox (both are written in the application's own transaction).
 */
class Kill9DurabilityIT {
    private static final String POLICE = "ictpolice.character-certificate";
    private static final int CYCLES = 10;

    @TempDir
    Path temp;

    static String police(String cnic) {
        return "{\"fullName\":\"Citizen Under Test\",\"cnic\":\"" + cnic + "\",\"purpose\":\"visa\","
                + "\"address\":\"House 1, Street 2, F-7/3\",\"mobile\":\"0300 1234567\"}";
    }

    /** @return the acknowledged applications that do not track with their CNIC, tracked by four citizens at once */
    private static List<String> untracked(Centre centre, List<Filer.Filed> acknowledged) {
        return acknowledged.parallelStream().map(f -> {
            HttpResponse<String> t = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications/track")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"reference\":\"" + f.reference() + "\",\"cnic\":\"" + f.cnic() + "\"}")));
            return t.statusCode() == 200 ? null : f.reference() + " -> " + t.statusCode();
        }).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void everyAcknowledgedApplicationSurvivesTenKills() throws Exception {
        List<Filer.Filed> acknowledged = new ArrayList<>();
        FaultCentre fc = FaultCentre.start(temp);
        Centre centre = fc.centre();
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                if (cycle > 1) {
                    centre.start();
                }
                Filer filer = Filer.start(centre, 4, List.of(POLICE), Kill9DurabilityIT::police, 5);
                long runMillis = ThreadLocalRandom.current().nextLong(1_000, 3_001);
                Thread.sleep(runMillis);
                int code = centre.kill();
                filer.close();
                acknowledged.addAll(filer.filed());
                System.out.printf("kill -9 cycle %d: killed after %d ms (exit %d), %s%n", cycle, runMillis, code, "statuses " + filer.statuses());
            }
            centre.start();
            List<String> lost = untracked(centre, acknowledged);
            int stopped = centre.stop();
            assertTrue(stopped == 0 || stopped == 143, "a clean stop before the database is opened; exit code " + stopped);
            Path db = centre.home().resolve("data/khidmat.db");
            String integrity;
            long stored;
            List<String> unaudited = new ArrayList<>();
            List<String> untold = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                    integrity = r.next() ? r.getString(1) : "(no answer)";
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM application")) {
                    stored = r.next() ? r.getLong(1) : -1;
                }
                try (ResultSet r = s.executeQuery("SELECT reference FROM application WHERE reference NOT IN "
                        + "(SELECT subject FROM audit_log WHERE action = 'application.submit' AND subject IS NOT NULL)")) {
                    while (r.next()) {
                        unaudited.add(r.getString(1));
                    }
                }
                // the form has a mobile answer: the "received" SMS is stored in the application's own transaction
                try (ResultSet r = s.executeQuery("SELECT reference FROM application WHERE reference NOT IN "
                        + "(SELECT reference FROM notification WHERE event = 'submitted')")) {
                    while (r.next()) {
                        untold.add(r.getString(1));
                    }
                }
            }
            System.out.printf("kill -9: %d acknowledged, %d lost, %d stored, integrity %s, %d without audit row,"
                    + " %d without their message%n", acknowledged.size(), lost.size(), stored, integrity, unaudited.size(),
                    untold.size());
            String integrityFinal = integrity;
            assertAll("after ten kills",
                    () -> assertTrue(acknowledged.size() > 0, "applications were acknowledged"),
                    () -> assertEquals(List.of(), lost, "every acknowledged application tracks"),
                    () -> assertEquals("ok", integrityFinal, "PRAGMA integrity_check"),
                    () -> assertTrue(stored >= acknowledged.size(), stored + " stored"),
                    () -> assertEquals(List.of(), unaudited, "stored applications without an application.submit audit row"),
                    () -> assertEquals(List.of(), untold, "stored applications without their submitted message"));
        } finally {
            fc.close();
        }
    }
}
