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
 * more digits, so a CNIC or a phone number sent there never reaches a log), else a fresh one of 16 hex digits. The id
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
        return java.util.HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
