package org.khidmat.launcher;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that hands its lines to the java.util.logging logger of the same name, with SLF4J's levels mapped
 * as slf4j-jdk14 maps them (TRACE FINEST, DEBUG FINE, INFO, WARN WARNING, ERROR SEVERE). Unlike slf4j-jdk14 it does
 * not create a Throwable and walk its stack for every line to find the calling class and method: the layouts print
 * the logger's name, which is the class, and that walk was a tenth of the HTTP threads' time when filing at 32
 * clients. The record's source class is the logger's name; its source method is left empty.
 */
final class JulLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient java.util.logging.Logger jul;

    JulLogger(String name) {
        this.name = name;
        this.jul = java.util.logging.Logger.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return jul.isLoggable(Level.FINEST);
    }

    @Override
    public boolean isDebugEnabled() {
        return jul.isLoggable(Level.FINE);
    }

    @Override
    public boolean isInfoEnabled() {
        return jul.isLoggable(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return jul.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return jul.isLoggable(Level.SEVERE);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
            Object[] arguments, Throwable thrown) {
        LogRecord record = new LogRecord(jul(level), MessageFormatter.basicArrayFormat(pattern, arguments));
        record.setLoggerName(name);
        record.setSourceClassName(name); // known, so java.util.logging does not infer it from the stack either
        record.setSourceMethodName(null);
        record.setThrown(thrown);
        jul.log(record);
    }

    static Level jul(org.slf4j.event.Level level) {
        return switch (level) {
            case TRACE -> Level.FINEST;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR -> Level.SEVERE;
        };
    }
}
