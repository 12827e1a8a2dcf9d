package org.khidmat.web.internal.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id at the edge, before any other handler: the client's {@code X-Request-Id} when it is a
 * short safe token ({@link #SAFE}: 8 to 64 letters, digits, {@code .}, {@code _}, {@code -}, with no run of 10 or
 * more digits, so a CNIC or a phone number sent there never reaches a log), else a fresh one ({@link #fresh}). The id
 * goes back in the answer's {@code X-Request-Id} header and, while the handlers run on this thread, in SLF4J's MDC
 * under {@link #MDC_KEY}: the log layout writes it on every line logged meanwhile, and the store writes it into the
 * audit entries of that request. Work a handler hands to another thread carries no id.
 */
public final class RequestIds extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    /** The MDC key the launcher's log layout reads (its {@code LogLine.REQUEST_ID}). */
    static final String MDC_KEY = "requestId";
    static final Pattern SAFE = Pattern.compile("(?!.*\\d{10})[A-Za-z0-9._-]{8,64}");
    /** The request attribute that keeps the id for {@link ErrorPages}, which Jetty runs after this handler returned. */
    static final String ATTRIBUTE = RequestIds.class.getName();

    public RequestIds(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = idFor(request.getHeaders().get(HEADER));
        response.getHeaders().put(HEADER, id);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Puts a request's id back on an answer Jetty started afresh (an error page) and in this thread's MDC.
     *
     * @return the id, or {@code null} when the request came in before this handler saw it (one Jetty could not parse)
     */
    static String resume(Request request, Response response) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            response.getHeaders().put(HEADER, id);
            MDC.put(MDC_KEY, id);
            return id;
        }
        return null;
    }

    /** @return the client's id when it is safe to log, else a fresh one */
    static String idFor(String given) {
        if (given != null && SAFE.matcher(given).matches()) {
            return given;
        }
        return fresh(System.currentTimeMillis(), ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /**
     * A fresh id, ordered by time: the seconds since 1970 in 9 hex digits, a dash, the millisecond in 3 hex digits
     * and 24 random bits in 6 ({@code 06b4a1f2c-1f3a9c2e1}). Ids made later sort later, so the audit log's index of
     * request ids grows at its end, as its other indexes do, instead of taking a page at a random place a filing (a
     * random id put one more page in the WAL for every filing of a large store). The dash keeps it from being
     * {@link #SAFE}'s run of ten digits when a client sends it back.
     *
     * @param millis when, in milliseconds since 1970
     * @param random 24 random bits
     */
    static String fresh(long millis, int random) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return hex.toHexDigits(millis / 1000).substring(7) + "-" + hex.toHexDigits((short) (millis % 1000)).substring(1)
                + hex.toHexDigits(random & 0xffffff).substring(2);
    }
}
