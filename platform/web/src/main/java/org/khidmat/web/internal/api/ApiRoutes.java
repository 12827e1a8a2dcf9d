package org.khidmat.web.internal.api;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;

/** What the JSON API's route tables share: their methods and their 405, JSON with {@code Allow} and the fix. */
final class ApiRoutes {
    /** A route that takes a body. */
    static final Set<String> POST = Set.of("POST");

    private ApiRoutes() {
    }

    /** @return an empty table of API routes, whose wrong method is a JSON 405 naming the methods to use */
    static RouteTable table() {
        return new RouteTable(ApiRoutes::refuse);
    }

    static void refuse(Request request, Response response, Callback callback) {
        Http.error(response, callback, 405, request.getMethod() + " is not allowed on "
                + Request.getPathInContext(request) + "; use " + response.getHeaders().get(HttpHeader.ALLOW));
    }
}
