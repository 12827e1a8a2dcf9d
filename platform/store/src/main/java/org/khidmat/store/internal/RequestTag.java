package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.MDC;

/**
 * The id of the HTTP request a write is done for, as the web edge put it in SLF4J's MDC (key {@link #MDC_KEY}) on
 * the caller's thread. The group writer takes it when a write is queued and puts it back in the MDC of its own
 * thread while that write runs ({@link #during}), so the write's audit entry records it and its log lines show it.
 */
final class RequestTag {
    /** The MDC key of the web edge ({@code RequestIds}) and the launcher's log layout ({@code LogLine}). */
    static final String MDC_KEY = "requestId";

    private RequestTag() {
    }

    /** @return the request id on this thread, or {@code null} */
    static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null || id.isEmpty() ? null : id;
    }

    /** Runs a write with this thread's request id set to {@code id} (or none), and puts back what was there. */
    static <T> T during(String id, Database.Work<T> work, Connection c) throws SQLException {
        String outer = MDC.get(MDC_KEY);
        put(id);
        try {
            return work.run(c);
        } finally {
            put(outer);
        }
    }

    private static void put(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }
}
