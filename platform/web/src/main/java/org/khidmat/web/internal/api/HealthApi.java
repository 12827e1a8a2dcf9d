package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.HealthCheck;

/**
 * Health for machines and for people. {@code /health/ready}: 200 {@code {"status":"UP"}} when the centre is ready
 * ({@link HealthReport}), else 503 with {@code Retry-After}. {@code /health}: the same status and code, the counts the
 * launcher prints (services, agencies, bundles), this run's id, and each check's status and message, as Felix Health
 * Checks report them (the messages name no path of the machine: this is public). Liveness ({@code /health/live}) is answered by {@link org.khidmat.web.internal.JettyBoot}, before these handlers are in.
 */
public final class HealthApi extends Handler.Abstract {
    private final Catalogue catalogue;
    private final Deployer deployer;
    private final Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks;
    private final String instance;
    private final RouteTable routes = ApiRoutes.table()
            .route("/health", RouteTable.GET, (rq, rs, cb, at) -> report(rs, cb, "/health"))
            .route("/health/ready", RouteTable.GET, (rq, rs, cb, at) -> report(rs, cb, "/health/ready"));

    public HealthApi(Catalogue catalogue, Deployer deployer, Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks,
            String instance) {
        this.catalogue = catalogue;
        this.deployer = deployer;
        this.checks = checks;
        this.instance = instance;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback);
    }

    private void report(Response response, Callback callback, String path) {
        HealthReport report = HealthReport.run(checks);
        boolean ready = report.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status());
        if (path.equals("/health")) {
            List<CatalogueEntry> services = catalogue.services();
            body.put("services", services.size());
            body.put("agencies", services.stream().map(e -> e.descriptor().agency().code()).distinct().count());
            body.put("bundles", deployer.bundles().size());
            if (instance != null) {
                body.put("instance", instance);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        for (HealthReport.Outcome o : report.outcomes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", o.result().status().name());
            one.put("readiness", o.readiness());
            one.put("message", o.result().message());
            detail.put(o.name(), one);
        }
        body.put("checks", detail);
        if (!ready) {
            response.getHeaders().put("Retry-After", "1");
        }
        Http.json(response, callback, ready ? 200 : 503, body);
    }
}
