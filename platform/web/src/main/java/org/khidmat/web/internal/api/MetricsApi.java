package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the Prometheus text format, for a scraper with {@code Authorization: Bearer <conf/metrics.token>}
 * or a centre admin (session or API token). Anyone else gets the staff API's 401 (403 for staff who are not admins),
 * a wrong token the same 401 as none. Each scrape runs the health checks first, so the readiness, check status, backlog
 * and disk gauges are those of the moment.
 */
public final class MetricsApi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsApi.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final Metrics metrics;
    private final MetricsToken token;
    private final Gate gate;
    private final Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks;
    private final Supplier<Server> server;
    private final RouteTable routes = ApiRoutes.table()
            .route("/metrics", java.util.Set.of("GET"), (rq, rs, cb, at) -> metrics(rq, rs, cb));

    public MetricsApi(Metrics metrics, MetricsToken token, Gate gate, Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks,
            Supplier<Server> server) {
        this.metrics = metrics;
        this.token = token;
        this.gate = gate;
        this.checks = checks;
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback);
    }

    private void metrics(Request request, Response response, Callback callback) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        boolean scraper = token != null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                && token.matches(auth.substring(7));
        if (scraper) {
            serve(response, callback);
        } else {
            gate.api(request, response, callback, Role.ADMIN).ifPresent(admin -> serve(response, callback));
        }
    }

    private void serve(Response response, Callback callback) {
        HealthReport report = HealthReport.run(checks);
        metrics.set("khidmat_ready", report.ready() ? 1 : 0);
        for (HealthReport.Outcome o : report.outcomes()) {
            metrics.set("khidmat_health_check_status", level(o.result().status()), o.name());
        }
        jetty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            metrics.write(out);
        } catch (IOException | RuntimeException e) {
            LOG.error("metrics: writing /metrics failed: {}", e.toString(), e);
            Http.error(response, callback, 500, "the metrics could not be written; see the log");
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
    }

    /** Jetty's own figures: its thread pool and open connections. */
    private void jetty() {
        Server s = server.get();
        if (s == null) {
            return;
        }
        if (s.getThreadPool() instanceof QueuedThreadPool pool) {
            metrics.set("khidmat_http_threads", pool.getBusyThreads(), "busy");
            metrics.set("khidmat_http_threads", pool.getIdleThreads(), "idle");
            metrics.set("khidmat_http_threads", pool.getMaxThreads(), "max");
            metrics.set("khidmat_http_queued_jobs", pool.getQueueSize());
        }
        int open = 0;
        for (Connector c : s.getConnectors()) {
            open += c.getConnectedEndPoints().size();
        }
        metrics.set("khidmat_http_connections", open);
    }

    private static int level(HealthResult.Status s) {
        return switch (s) {
            case OK -> 0;
            case WARN -> 1;
            case CRITICAL -> 2;
        };
    }
}
