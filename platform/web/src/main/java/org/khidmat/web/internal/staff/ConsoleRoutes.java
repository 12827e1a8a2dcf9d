package org.khidmat.web.internal.staff;

import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;

/**
 * One staff console's routes in a {@link RouteTable} (Jetty's path mappings), behind the console's login: the page
 * checks who calls first ({@link ConsoleGate#page}), then the table finds the route and hands it the caller. A method
 * a route does not take is a 405 page in the console's frame with {@code Allow}; a path no route has is left to the
 * page (its 404 in the console's frame).
 */
final class ConsoleRoutes {
    /** What a console route does, for the signed-in caller. */
    @FunctionalInterface
    interface Action {
        void handle(Request request, Response response, Callback callback, Gate.Caller caller, Map<String, String> at)
                throws Exception;
    }

    /** The methods of a console action that only changes (a form's target). */
    static final Set<String> POST = Set.of("POST");
    private static final String CALLER = ConsoleRoutes.class.getName() + ".caller";
    private final RouteTable table;

    ConsoleRoutes() {
        table = new RouteTable((rq, rs, cb) -> ConsoleLayout.errorPage(rq, rs, cb, caller(rq), 405, "error.method",
                rq.getMethod(), Request.getPathInContext(rq), rs.getHeaders().get(HttpHeader.ALLOW)));
    }

    /** @see RouteTable#route */
    ConsoleRoutes route(String path, Set<String> methods, Action action) {
        table.route(path, methods, (rq, rs, cb, at) -> action.handle(rq, rs, cb, caller(rq), at));
        return this;
    }

    /** @return whether a route (or the 405) answered; {@code false} when no route has the path */
    boolean handle(Request request, Response response, Callback callback, Gate.Caller caller) throws Exception {
        request.setAttribute(CALLER, caller);
        return table.handle(request, response, callback);
    }

    private static Gate.Caller caller(Request request) {
        return (Gate.Caller) request.getAttribute(CALLER);
    }
}
