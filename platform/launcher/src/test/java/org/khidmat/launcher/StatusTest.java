package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTest {
    @Test
    void eachCheckIsNamedWithItsStatusAndOnlyTheCentresStatusDecidesUp() {
        Status.Fields f = Status.fields("{\"status\":\"UP\",\"services\":41,\"agencies\":13,\"bundles\":15,\"instance\":\"x\","
                + "\"checks\":{\"deployer\":{\"status\":\"OK\",\"readiness\":true},\"disk\":{\"status\":\"WARN\"}}}");
        assertTrue(f.up());
        assertEquals(" status=UP services=41 agencies=13 bundles=15 check.deployer=OK check.disk=WARN", f.text());
    }

    @Test
    void aCentreStartingOrDownIsNotUpEvenWhenItsChecksAreOk() {
        Status.Fields f = Status.fields("{\"status\":\"STARTING\",\"checks\":{\"store\":{\"status\":\"OK\"}}}");
        assertFalse(f.up());
        assertEquals(" status=STARTING check.store=OK", f.text());
    }

    @Test
    void anAnswerThatIsNoJsonIsSaidSo() {
        Status.Fields f = Status.fields("<html>");
        assertFalse(f.up());
        assertEquals(" health=unreadable", f.text());
    }

    @Test
    void aPostgresqlCentreShowsItsDatabaseNotAnSqliteFileAndNeverThePassword(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/khidmat.db"), "an old SQLite file left behind");
        Files.writeString(home.resolve("conf/org.khidmat.store.cfg.json"), "{\"url\": \"jdbc:postgresql://127.0.0.1:1/khidmat"
                + "?password=hunter2&ssl=false\", \"user\": \"khidmat\"}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Status.run(home, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("\ndatabase=postgresql://127.0.0.1:1/khidmat size=unknown (no answer: "), said);
        assertTrue(said.contains("check url, user and passwordFile of org.khidmat.store"), said);
        assertFalse(said.contains("data=") || said.contains("khidmat.db"), "no SQLite size on PostgreSQL: " + said);
        assertFalse(said.contains("hunter2"), said);
    }

    @Test
    void theDatabaseIsDescribedWithoutUserPasswordOrParameters() {
        assertEquals("postgresql://db.example:5432/khidmat",
                DatabaseLine.describe("jdbc:postgresql://u:pw@db.example:5432/khidmat?password=x&ssl=true"));
        assertEquals("postgresql://10.0.0.5/khidmat", DatabaseLine.describe("jdbc:postgresql://10.0.0.5/khidmat"));
    }

    @Test
    void anSqliteCentreStillShowsItsFileSize(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.write(home.resolve("data/khidmat.db"), new byte[4096]);
        Files.write(home.resolve("data/khidmat.db-wal"), new byte[100]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Status.run(home, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\ndata=4196 bytes (khidmat.db with its -wal and -shm)\n"),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
