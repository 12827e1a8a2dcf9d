package org.khidmat.distribution.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.testkit.Postgres;

/**
 * The real distribution on PostgreSQL: started with {@code KHIDMAT_DB_URL} pointing at a fresh database of the
 * testkit's embedded server, it migrates it, files applications over HTTP and tracks them; after a restart they are
 * still there (the centre keeps nothing in data/khidmat.db: there is none), and {@code bin/khidmat verify-audit}
 * checks the chain in PostgreSQL.
 */
class PostgresCentreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CNIC = "6110112345671";

    @TempDir
    Path temp;

    @Test
    void aCentreOnPostgresqlFilesTracksRestartsAndVerifiesItsAuditChain() throws Exception {
        Postgres.Db db = Postgres.database();
        try (Centre centre = Centre.install(temp.resolve("centre"))) {
            centre.env("KHIDMAT_DB_URL", db.url()).env("KHIDMAT_DB_USER", db.user());
            centre.start();
            List<String> references = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = post(centre, "/api/v1/applications", police("Citizen " + i));
                assertEquals(201, r.statusCode(), r.body());
                references.add(JSON.readTree(r.body()).get("reference").asText());
            }
            for (String ref : references) {
                assertEquals("submitted", track(centre, ref).get("status").get("id").asText());
            }

            centre.stop();
            centre.start();
            for (String ref : references) {
                JsonNode t = track(centre, ref);
                assertEquals("submitted", t.get("status").get("id").asText(), "kept across a restart: " + t);
            }
            assertTrue(Files.notExists(centre.home().resolve("data").resolve("khidmat.db")),
                    "no SQLite file beside a PostgreSQL centre");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM application")) {
                r.next();
                assertEquals(references.size(), r.getInt(1), "the applications are rows of PostgreSQL");
            }

            List<String> said = new ArrayList<>();
            assertEquals(0, khidmat(centre, db, said, "verify-audit"), said.toString());
            assertTrue(said.get(0).startsWith("verdict=intact "), said.toString());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                s.executeUpdate("UPDATE audit_log SET detail = 'edited' WHERE seq = 2");
            }
            assertEquals(1, khidmat(centre, db, said, "verify-audit"), said.toString());
            assertTrue(said.get(0).startsWith("verdict=broken ") && said.get(0).contains(" firstBroken=2 "), said.toString());
        }
    }

    /**
     * PostgreSQL's TEXT cannot hold U+0000: a NUL in a JSON or form field reached the store and came back as a 500 or
     * 503. It is refused at the edge with a 400 naming the field, and nothing is stored. And {@code bin/khidmat status}
     * showed the size of an SQLite file that a PostgreSQL centre does not have: it shows the database and its size.
     */
    @Test
    void aNulIsRefusedAtTheEdgeAndStatusShowsThePostgresqlDatabase() throws Exception {
        Postgres.Db db = Postgres.database();
        try (Centre centre = Centre.install(temp.resolve("centre"))) {
            centre.env("KHIDMAT_DB_URL", db.url()).env("KHIDMAT_DB_USER", db.user());
            centre.start();
            HttpResponse<String> filed = post(centre, "/api/v1/applications", police("Ali\\u0000Raza"));
            HttpResponse<String> login = post(centre, "/api/v1/login", "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}");
            HttpResponse<String> form = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "khidmat_login=f1")
                    .POST(HttpRequest.BodyPublishers.ofString("form=f1&username=ad%00min&password=x")));
            String all = List.of(filed, login, form).stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
            assertEquals(List.of(400, 400, 400), List.of(filed.statusCode(), login.statusCode(), form.statusCode()), all);
            assertTrue(filed.body().contains("'answers.fullName' holds a NUL character (U+0000)"), all);
            assertTrue(login.body().contains("'username' holds a NUL character (U+0000)"), all);
            assertTrue(form.body().contains("'username' holds a NUL character (U+0000)"), all);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM application")) {
                r.next();
                assertEquals(0, r.getInt(1), "nothing stored");
            }

            List<String> said = new ArrayList<>();
            assertEquals(0, khidmat(centre, db, said, "status"), said.toString());
            String where = db.url().substring("jdbc:".length(), db.url().indexOf('?'));
            String line = said.stream().filter(l -> l.startsWith("database=")).findFirst().orElse("none: " + said);
            assertTrue(line.matches("database=" + java.util.regex.Pattern.quote(where) + " size=[1-9][0-9]* bytes"
                    + " \\(pg_database_size\\)"), line);
            assertTrue(said.stream().noneMatch(l -> l.startsWith("data=")), said.toString());
        }
    }

    private static String police(String fullName) {
        return """
                {"serviceId":"ictpolice.character-certificate","answers":{"fullName":"%s","cnic":"%s","purpose":"visa",
                 "address":"House 1, Street 2, F-7/3","mobile":"0300 1234567"}}""".formatted(fullName, CNIC);
    }

    private static JsonNode track(Centre centre, String ref) throws Exception {
        HttpResponse<String> r = post(centre, "/api/v1/applications/track",
                "{\"reference\":\"" + ref + "\",\"cnic\":\"" + CNIC + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(Centre centre, String path, String body) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Runs {@code bin/khidmat args} with the centre's home and database; its output lines go to {@code output}. */
    private static int khidmat(Centre centre, Postgres.Db db, List<String> output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(centre.home().resolve("bin/khidmat").toString()));
        command.addAll(List.of(args));
        Path said = Files.createTempFile(centre.home().getParent(), "khidmat", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(said.toFile());
        pb.environment().put("KHIDMAT_HOME", centre.home().toString());
        pb.environment().put("KHIDMAT_PORT", "1");
        pb.environment().put("KHIDMAT_DB_URL", db.url());
        pb.environment().put("KHIDMAT_DB_USER", db.user());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/khidmat " + args[0] + " did not end within 60 s");
        }
        output.clear();
        output.addAll(Files.readAllLines(said, StandardCharsets.UTF_8));
        Files.delete(said);
        return p.exitValue();
    }
}
