package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The centre's log layouts: one stable text line, or one JSON object a line, with the request id; rotation. */
class LogLineTest {
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) (ERROR|WARN |INFO |DEBUG|TRACE) \\S+ \\S+ .*");
    @TempDir
    Path dir;

    @Test
    void theConsoleAndTheFileGetOneLineMadeOnceForARecord() {
        LogRecord r = record(Level.INFO, "application KM7Q-4XPA-K filed", Instant.parse("2026-01-02T03:04:05.006Z"));
        MDC.put(LogLine.REQUEST_ID, "r-first");
        String console;
        try {
            console = new LogLine().format(r);
            MDC.put(LogLine.REQUEST_ID, "r-second");
            // the file's handler formats the same record next, on the same thread: it gets the console's line
            assertEquals(console, new LogLine().format(r));
        } finally {
            MDC.remove(LogLine.REQUEST_ID);
        }
        assertTrue(console.contains(" r-first application KM7Q-4XPA-K filed"), console);
        LogRecord next = record(Level.INFO, "application KM7Q-4XPA-K filed", Instant.parse("2026-01-02T03:04:05.006Z"));
        assertTrue(new LogLine().format(next).contains(" - application KM7Q-4XPA-K filed"), "another record is made anew");
    }

    @Test
    void aTextLineHasTimeWithZoneLevelShortLoggerRequestIdAndMessage() {
        LogRecord r = record(Level.INFO, "Opened database data/khidmat.db", Instant.parse("2026-01-02T03:04:05.006Z"));
        String line = new LogLine().format(r);
        assertTrue(LINE.matcher(line.strip()).matches(), line);
        assertTrue(line.strip().endsWith(" INFO  Example - Opened database data/khidmat.db"), line);
        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        MDC.put(LogLine.REQUEST_ID, "r-7f3a");
        try {
            assertTrue(new LogLine().format(record(Level.WARNING, "refused", Instant.now())).contains(" WARN  Example r-7f3a refused"));
        } finally {
            MDC.remove(LogLine.REQUEST_ID);
        }
    }

    @Test
    void levelsAreSlf4jNamesAndAStackTraceFollowsOnLinesOfItsOwn() {
        assertEquals(List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE"), Stream.of(Level.SEVERE, Level.WARNING,
                Level.INFO, Level.FINE, Level.FINEST).map(LogLine::level).toList());
        LogRecord failed = record(Level.SEVERE, "the store did not open", Instant.parse("2026-03-04T05:06:07.089Z"));
        failed.setThrown(new IllegalStateException("disk full", new java.io.IOException("no space")));
        String[] lines = new LogLine().format(failed).split("\n");
        assertTrue(LINE.matcher(lines[0]).matches(), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertFalse(LINE.matcher(lines[i]).matches(), "a trace line is not taken for a record: " + lines[i]);
        }
        assertTrue(String.join("\n", lines).contains("Caused by: java.io.IOException: no space"));
    }

    @Test
    void jsonIsOneValidObjectPerLineWithTheRequestId() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LogRecord quoted = record(Level.INFO, "a \"quoted\"\tword,\nsecond line \u0001 \u0627\u0631\u062f\u0648 \\ end",
                Instant.parse("2026-11-22T14:59:59.999Z"));
        LogRecord failed = record(Level.SEVERE, "stopped", Instant.now());
        failed.setThrown(new IllegalStateException("disk \"full\""));
        MDC.put(LogLine.REQUEST_ID, "abc-123");
        String text;
        try {
            text = new LogJson().format(quoted) + new LogJson().format(failed);
        } finally {
            MDC.remove(LogLine.REQUEST_ID);
        }
        String[] lines = text.split("\n");
        assertEquals(2, lines.length, text);
        JsonNode first = json.readTree(lines[0]);
        assertEquals(quoted.getMessage(), first.get("message").asText());
        assertEquals("INFO", first.get("level").asText());
        assertEquals("org.khidmat.core.Example", first.get("logger").asText());
        assertEquals("abc-123", first.get("requestId").asText());
        assertTrue(first.get("time").asText().startsWith("20"), lines[0]);
        JsonNode second = json.readTree(lines[1]);
        assertEquals("ERROR", second.get("level").asText());
        assertTrue(second.get("error").asText().contains("disk \"full\""), lines[1]);
        assertTrue(json.readTree(new LogJson().format(record(Level.INFO, "x", Instant.now()))).get("requestId").isNull());
    }

    @Test
    void formatAndRotationComeFromTheEnvironmentAndBadValuesAreNamed() {
        assertEquals(new Logs(false, 10 * 1024 * 1024, 5), Logs.from(Map.of()));
        assertEquals(new Logs(true, 1024 * 1024, 3), Logs.from(Map.of("KHIDMAT_LOG_FORMAT", "json",
                "KHIDMAT_LOG_FILE_MB", "1", "KHIDMAT_LOG_FILES", "3")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Logs.from(Map.of("KHIDMAT_LOG_FORMAT", "xml")))
                .getMessage().contains("text or json"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Logs.from(Map.of("KHIDMAT_LOG_FILES", "0")))
                .getMessage().contains("KHIDMAT_LOG_FILES"));
    }

    @Test
    void theLogsRotateBySizeAndKeepABoundedNumberOfFiles() throws Exception {
        try {
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf/logging.properties"), ".level = INFO\nhandlers =\n");
            new Logs(true, 4_000, 3).setUp(dir);
            org.slf4j.Logger log = LoggerFactory.getLogger("org.khidmat.test.Rotation");
            for (int i = 0; i < 400; i++) {
                log.info("line {} of the rotation test, long enough to fill a small file quickly", i);
            }
        } finally {
            LogManager.getLogManager().reset();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("logs"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            assertTrue(Files.size(f) < 4_000 + 400, f + " " + Files.size(f));
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                json.readTree(line);
            }
        }
        String kept = String.join("", files.stream().map(f -> {
            try {
                return Files.readString(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertTrue(kept.contains("line 399 of"), "the newest lines are kept");
        assertFalse(kept.contains("\"line 0 of"), "the oldest lines went with the oldest file");
    }

    private static LogRecord record(Level level, String message, Instant at) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("org.khidmat.core.Example");
        r.setInstant(at);
        return r;
    }
}
