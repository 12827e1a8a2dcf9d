package org.khidmat.web.internal.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Metrics;

/**
 * Counts every request by method, route pattern ({@link Routes}) and status, and records its latency from Jetty's
 * own arrival time of the request ({@link Request#getBeginNanoTime()}, so time spent queued for a thread counts) to the
 * end of the answer, when the callback completes. An exception thrown by the handlers counts as a 500.
 */
public final class HttpMetrics extends Handler.Wrapper {
    private static final Routes ROUTES = new Routes(Routes.PATTERNS);
    private final Metrics metrics;

    public HttpMetrics(Handler handler, Metrics metrics) {
        super(handler);
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String route = ROUTES.of(Request.getPathInContext(request));
        String method = method(request.getMethod());
        long begin = request.getBeginNanoTime();
        Callback measured = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                record(method, route, response.getStatus(), begin);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record(method, route, response.isCommitted() ? response.getStatus() : 500, begin);
                super.failed(x);
            }
        };
        try {
            return super.handle(request, response, measured);
        } catch (Exception | Error e) {
            record(method, route, 500, begin);
            throw e;
        }
    }

    private void record(String method, String route, int status, long begin) {
        metrics.count("khidmat_http_requests_total", method, route, Integer.toString(status));
        metrics.observe("khidmat_http_request_duration_seconds", (System.nanoTime() - begin) / 1e9, method, route);
    }

    /** @return the method as a label: the standard ones, anything else {@code other} */
    static String method(String m) {
        return switch (m) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" -> m;
            default -> "other";
        };
    }
}
