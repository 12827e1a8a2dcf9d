package org.khidmat.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Deployer;

/** {@code /health} and the read side of {@code /api/v1}. */
final class ApiHandler extends Handler.Abstract {
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]{1,15}\\.[a-z0-9][a-z0-9-]{0,62}");
    private final Catalogue catalogue;
    private final Deployer deployer;
    private final String instance;
    private final ServiceListApi serviceList;

    /** @param instance this run's id, which the launcher checks so that it never takes another server for this one */
    ApiHandler(Catalogue catalogue, Deployer deployer, String instance) {
        this.catalogue = catalogue;
        this.deployer = deployer;
        this.instance = instance;
        this.serviceList = new ServiceListApi(catalogue);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/health") && !path.startsWith("/api/")) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put("Allow", "GET, HEAD");
            Http.error(response, callback, 405, request.getMethod() + " is not allowed on " + path + "; use GET");
            return true;
        }
        if (path.equals("/health")) {
            health(response, callback);
        } else if (path.equals("/api/v1/services") || path.equals("/api/v1/services/")) {
            serviceList.handle(request, response, callback);
        } else if (path.startsWith("/api/v1/services/")) {
            String id = path.substring("/api/v1/services/".length());
            if (!SERVICE_ID.matcher(id).matches()) {
                Http.error(response, callback, 400, "'" + id + "' is not a service id (like nadra.cnic-renewal)");
            } else {
                catalogue.service(id).ifPresentOrElse(
                        e -> Http.json(response, callback, 200, ServiceJson.full(e)),
                        () -> Http.error(response, callback, 404, "no service " + id + " in this centre"));
            }
        } else {
            Http.error(response, callback, 404, "no such API resource: " + path);
        }
        return true;
    }

    private void health(Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = deployer.ready();
        body.put("status", ready ? "UP" : "STARTING");
        List<CatalogueEntry> services = catalogue.services();
        body.put("services", services.size());
        body.put("agencies", services.stream().map(e -> e.descriptor().agency().code()).distinct().count());
        body.put("bundles", deployer.bundles().size());
        if (instance != null) {
            body.put("instance", instance);
        }
        Http.json(response, callback, ready ? 200 : 503, body);
    }
}
