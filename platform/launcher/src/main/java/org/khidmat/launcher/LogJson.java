package org.khidmat.launcher;

import java.time.ZoneId;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line for log shippers ({@code KHIDMAT_LOG_FORMAT=json}), with the fields of {@link LogLine}:
 * {@code {"time":"2026-11-22T09:46:18.737+05:00","level":"INFO","logger":"org.khidmat.launcher.Main",
 * "requestId":null,"thread":"main","message":"...","error":"..."}}; {@code error} (the stack trace) only when an
 * exception was thrown. Control characters in any value are escaped, so a record is always one line.
 */
public final class LogJson extends Formatter {
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String format(LogRecord record) {
        StringBuilder b = new StringBuilder(200);
        b.append("{\"time\":");
        string(b, LogLine.time(record, zone));
        b.append(",\"level\":");
        string(b, LogLine.level(record.getLevel()));
        b.append(",\"logger\":");
        string(b, record.getLoggerName());
        b.append(",\"requestId\":");
        string(b, LogLine.requestId());
        b.append(",\"thread\":");
        string(b, Thread.currentThread().getName());
        b.append(",\"message\":");
        string(b, formatMessage(record));
        if (record.getThrown() != null) {
            b.append(",\"error\":");
            string(b, LogLine.trace(record.getThrown()));
        }
        return b.append('}').append('\n').toString();
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
