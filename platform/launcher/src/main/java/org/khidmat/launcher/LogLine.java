package org.khidmat.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record, {@code 2026-11-22 04:46:18.737 INFO    org.khidmat.launcher.Main: message}, then the stack
 * trace of a thrown exception: the layout the centre always had from SimpleFormatter, written with plain
 * appends. SimpleFormatter runs {@code String.format} for every record and checks its pattern when it is made,
 * a thirtieth of a second of the start.
 */
public final class LogLine extends Formatter {
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String format(LogRecord record) {
        LocalDateTime t = LocalDateTime.ofInstant(record.getInstant(), zone);
        StringBuilder b = new StringBuilder(120);
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond()).append('.');
        int millis = t.getNano() / 1_000_000;
        b.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append(' ');
        String level = record.getLevel().getName();
        b.append(level);
        for (int i = level.length(); i < 7; i++) {
            b.append(' ');
        }
        b.append(' ').append(record.getLoggerName()).append(": ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                out.println();
                record.getThrown().printStackTrace(out);
            }
            b.append(trace);
        }
        return b.append(System.lineSeparator()).toString();
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return (n < 10 ? b.append('0') : b).append(n);
    }
}
