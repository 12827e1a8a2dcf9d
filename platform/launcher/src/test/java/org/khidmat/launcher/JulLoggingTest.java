package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * SLF4J reaches java.util.logging with the record the centre's layouts need, and without walking the caller's stack
 * for every line: the source is the logger's name (the class that made the logger), not a frame looked up by
 * creating a Throwable (a tenth of the HTTP threads' time at 32 filing clients with slf4j-jdk14).
 */
class JulLoggingTest {
    private static final String NAME = "org.khidmat.example.Filer";
    private final List<LogRecord> seen = new ArrayList<>();
    private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(NAME);
    private final Handler catcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            seen.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void catchRecords() {
        jul.addHandler(catcher);
        jul.setUseParentHandlers(false);
        jul.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        jul.removeHandler(catcher);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
    }

    @Test
    void aLineReachesTheJdkLoggerWithItsLevelNameAndFormattedMessage() {
        Logger log = LoggerFactory.getLogger(NAME);
        log.info("application {} filed for {} v{}", "KM7Q-4XPA-K", "nadra.cnic-renewal", 3);
        assertEquals(1, seen.size());
        LogRecord r = seen.get(0);
        assertEquals(Level.INFO, r.getLevel());
        assertEquals(NAME, r.getLoggerName());
        assertEquals("application KM7Q-4XPA-K filed for nadra.cnic-renewal v3", r.getMessage());
        assertNull(r.getThrown());
        assertTrue(new LogLine().format(r).strip().endsWith(" INFO  Filer - application KM7Q-4XPA-K filed for"
                + " nadra.cnic-renewal v3"), new LogLine().format(r));
    }

    @Test
    void theSourceIsTheLoggersNameNotAFrameFoundByWalkingTheStack() {
        LoggerFactory.getLogger(NAME).warn("the messages for {} stay queued", "KM7Q-4XPA-K");
        LogRecord r = seen.get(0);
        // slf4j-jdk14 walked a new Throwable's stack for every line to name this test class here
        assertEquals(NAME, r.getSourceClassName());
        assertNull(r.getSourceMethodName());
    }

    @Test
    void levelsMapAsSlf4jJdk14MappedThemAndDisabledLevelsMakeNoRecord() {
        Logger log = LoggerFactory.getLogger(NAME);
        assertFalse(log.isDebugEnabled());
        log.debug("not {}", "seen");
        log.trace("not seen");
        assertTrue(seen.isEmpty());
        jul.setLevel(Level.ALL);
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        assertEquals(List.of(Level.FINEST, Level.FINE, Level.INFO, Level.WARNING, Level.SEVERE),
                seen.stream().map(LogRecord::getLevel).toList());
    }

    @Test
    void aThrowableLastIsTheRecordsThrownAndNotAnArgument() {
        IllegalStateException boom = new IllegalStateException("boom");
        LoggerFactory.getLogger(NAME).warn("A task after a commit failed: {}", "x", boom);
        LogRecord r = seen.get(0);
        assertEquals("A task after a commit failed: x", r.getMessage());
        assertSame(boom, r.getThrown());
    }

    @Test
    void theMdcKeepsTheRequestIdForTheLayouts() {
        MDC.put(LogLine.REQUEST_ID, "r-42");
        try {
            assertEquals("r-42", LogLine.requestId());
        } finally {
            MDC.remove(LogLine.REQUEST_ID);
        }
        assertNull(LogLine.requestId());
    }
}
