package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** LogLine writes exactly what the centre's SimpleFormatter pattern wrote, so nobody's log reading breaks. */
class LogLineTest {
    private static final String PATTERN = "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n";

    @Test
    void linesAreTheSameAsSimpleFormattersWithTheCentresPattern() {
        String before = System.getProperty("java.util.logging.SimpleFormatter.format");
        System.setProperty("java.util.logging.SimpleFormatter.format", PATTERN);
        try {
            SimpleFormatter simple = new SimpleFormatter();
            LogLine line = new LogLine();
            for (LogRecord r : new LogRecord[] {
                    record(Level.INFO, "Opened database data/khidmat.db", Instant.parse("2026-01-02T03:04:05.006Z")),
                    record(Level.WARNING, "deploy of x.jar refused: \u0627\u0631\u062f\u0648", Instant.parse("2026-11-22T14:59:59.999Z")),
                    record(Level.FINE, "adopted {0} from the cache", Instant.parse("2026-12-31T23:00:00.080Z")),
                    record(Level.SEVERE, "stopped", Instant.parse("2026-06-15T10:20:30.400Z"))}) {
                assertEquals(simple.format(r), line.format(r));
            }
            LogRecord failed = record(Level.SEVERE, "the store did not open", Instant.parse("2026-03-04T05:06:07.089Z"));
            failed.setThrown(new IllegalStateException("disk full", new java.io.IOException("no space")));
            String text = line.format(failed);
            assertEquals(simple.format(failed), text);
            assertTrue(text.contains("Caused by: java.io.IOException: no space"), text);
        } finally {
            if (before == null) {
                System.clearProperty("java.util.logging.SimpleFormatter.format");
            } else {
                System.setProperty("java.util.logging.SimpleFormatter.format", before);
            }
        }
    }

    private static LogRecord record(Level level, String message, Instant at) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("org.khidmat.core.Example");
        r.setInstant(at);
        if (message.contains("{0}")) {
            r.setParameters(new Object[] {"org.khidmat.plugins.nadra 1.0.0"});
        }
        return r;
    }
}
