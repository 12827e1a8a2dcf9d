package org.khidmat.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.MDC;

/**
 * One line per record, in a layout that stays: time (ISO 8601 with the zone's offset, milliseconds), level (SLF4J's
 * names, padded to 5), the logger's short name (its class), the request id or {@code -}, then the message:
 * {@code 2026-11-22T09:46:18.737+05:00 INFO  Main - Khidmat is ready}. A thrown exception's stack trace follows on
 * lines of its own that start with a tab or {@code Caused by:}. The request id is the one the web edge put in SLF4J's
 * MDC (key {@link #REQUEST_ID}) on the thread that logs: java.util.logging formats on that thread.
 */
public final class LogLine extends Formatter {
    /** The MDC key under which the web edge keeps the id of the request being served. */
    public static final String REQUEST_ID = "requestId";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private final ZoneId zone = ZoneId.systemDefault();

    /**
     * The record this thread formatted last and its line: the console's handler and the file's format each record one
     * after the other on the logging thread, and the second takes the first's line (the same words in both places,
     * made once).
     */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(java.lang.ref.WeakReference<LogRecord> record, String line) {
    }

    @Override
    public String format(LogRecord record) {
        Last last = LAST.get();
        if (last != null && last.record().get() == record) {
            return last.line();
        }
        String line = layout(record);
        LAST.set(new Last(new java.lang.ref.WeakReference<>(record), line));
        return line;
    }

    private String layout(LogRecord record) {
        StringBuilder b = new StringBuilder(120);
        b.append(time(record, zone)).append(' ');
        String level = level(record.getLevel());
        b.append(level);
        for (int i = level.length(); i < 5; i++) {
            b.append(' ');
        }
        String id = requestId();
        b.append(' ').append(shortName(record.getLoggerName())).append(' ').append(id == null ? "-" : id).append(' ')
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            b.append(System.lineSeparator()).append(trace(record.getThrown()).stripTrailing());
        }
        return b.append(System.lineSeparator()).toString();
    }

    static String time(LogRecord record, ZoneId zone) {
        return TIME.format(OffsetDateTime.ofInstant(record.getInstant(), zone));
    }

    /** SLF4J's level names for the JDK's levels that {@link JulLogger} maps them to. */
    static String level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (v >= Level.WARNING.intValue()) {
            return "WARN";
        } else if (v >= Level.INFO.intValue()) {
            return "INFO";
        } else if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    /** @return the id of the request this thread serves, or {@code null} */
    static String requestId() {
        String id = MDC.get(REQUEST_ID);
        return id == null || id.isEmpty() ? null : id;
    }

    static String trace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            thrown.printStackTrace(out);
        }
        return trace.toString();
    }
}
