package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.ServiceJson;

import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Deployer;

/**
 * The read side of {@code /api/v1}, and the answer to an {@code /api/} path no other table has (404; 405 for a
 * method other than GET). While the deployer has not judged every jar of {@code deploy/} (the start), the
 * services answer 503 with {@code Retry-After: 1}: a partial list must not pass for the catalogue.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]{1,15}\\.[a-z0-9][a-z0-9-]{0,62}");
    private final Catalogue catalogue;
    private final Deployer deployer;
    private final ServiceListApi serviceList;
    private final RouteTable routes;

    public ApiHandler(Catalogue catalogue, Deployer deployer) {
        this.catalogue = catalogue;
        this.deployer = deployer;
        this.serviceList = new ServiceListApi(catalogue);
        // every other /api/ path: only GET is read here (405 otherwise), and what no route has is 404
        this.routes = ApiRoutes.table()
                .route("/api/v1/services", RouteTable.GET, (rq, rs, cb, at) -> list(rq, rs, cb))
                .route("/api/v1/services/", RouteTable.GET, (rq, rs, cb, at) -> list(rq, rs, cb))
                .route("/api/v1/services/*", RouteTable.GET, (rq, rs, cb, at) -> one(rs, cb, at.get("*")))
                .route("/api/*", RouteTable.GET, (rq, rs, cb, at) -> Http.error(rs, cb, 404, "no such API resource: "
                        + Request.getPathInContext(rq)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback);
    }

    private void list(Request request, Response response, Callback callback) throws Exception {
        if (!deployer.ready()) {
            // while the jars of deploy/ are still being deployed the list would be partial (18 of 41 services, say) and
            // an unknown id might only be not yet deployed: say so, instead of an answer a client would keep
            starting(response, callback);
        } else {
            serviceList.handle(request, response, callback);
        }
    }

    private void one(Response response, Callback callback, String id) {
        if (!deployer.ready()) {
            starting(response, callback);
        } else if (!SERVICE_ID.matcher(id).matches()) {
            Http.error(response, callback, 400, "'" + id + "' is not a service id (like nadra.cnic-renewal)");
        } else {
            catalogue.service(id).ifPresentOrElse(
                    e -> Http.json(response, callback, 200, ServiceJson.full(e)),
                    () -> Http.error(response, callback, 404, "no service " + id + " in this centre"));
        }
    }

    private void starting(Response response, Callback callback) {
        response.getHeaders().put("Retry-After", "1");
        Http.error(response, callback, 503, "the centre is starting: " + catalogue.services().size()
                + " services are listed so far and more are being deployed; try again in a second");
    }
}
