package org.khidmat.launcher.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines an SLF4J logger wrote (SLF4J runs over java.util.logging here), as "LEVEL message". */
final class LogCapture extends Handler {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger log;

    LogCapture(String name) {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
        jul.setUseParentHandlers(false);
        jul.addHandler(this);
        log = LoggerFactory.getLogger(name);
    }

    @java.lang.Override
    public void publish(LogRecord r) {
        lines.add(r.getLevel() + " " + r.getMessage());
    }

    @java.lang.Override
    public void flush() {
    }

    @java.lang.Override
    public void close() {
    }

    String all() {
        return String.join("\n", lines);
    }
}
