package org.khidmat.web.internal.http;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.pathmap.MatchedResource;
import org.eclipse.jetty.http.pathmap.PathMappings;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One audience's routes in one table, matched by Jetty's {@link PathMappings} (exact paths first, then URI templates
 * such as {@code /queue/tokens/{id}}, then prefixes such as {@code /appointments/*}) instead of a ladder of
 * {@code if}s. A path no route matches goes on to the next handler; a route asked with a method it does not take is
 * answered by the table's refusal with {@code Allow}. What a route could not do (a body too large, a service away) is
 * answered in one place, {@link org.khidmat.web.internal.page.Failures}.
 */
public final class RouteTable extends Handler.Abstract {
    /** What a route does; {@code at} holds the template's variables, or {@code *} for the rest of a prefix route. */
    @FunctionalInterface
    public interface Action {
        void handle(Request request, Response response, Callback callback, Map<String, String> at) throws Exception;
    }

    /** Answers a method a route does not take; the {@code Allow} header is set before. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(Request request, Response response, Callback callback);
    }

    /** The methods of a page that only shows. */
    public static final Set<String> GET = Set.of("GET", "HEAD");
    /** The methods of a page with a form. */
    public static final Set<String> GET_POST = Set.of("GET", "HEAD", "POST");

    private record Route(Set<String> methods, Action action) {
    }

    private final PathMappings<Route> routes = new PathMappings<>();
    private final Refusal refusal;
    /**
     * What every path a route matches starts with (an exact path, a prefix route's prefix, a template's text before
     * its first variable), or {@code null} once a route matches paths with no such start: a path that starts with
     * none of them goes on without {@link PathMappings} (whose templates are regular expressions). A request passes
     * the tables of every audience before its own: the misses were a twentieth of a filing's HTTP time (issue 16).
     */
    private String[] starts = new String[0];

    /** @param refusal the answer to a method a route does not take (405) */
    public RouteTable(Refusal refusal) {
        this.refusal = refusal;
    }

    /**
     * @param path an exact path ({@code /track}), a URI template ({@code /queue/tokens/{id}}) or a prefix ending in
     *        {@code /*} ({@code /appointments/*}, which also matches {@code /appointments})
     * @return this table
     */
    public RouteTable route(String path, Set<String> methods, Action action) {
        PathSpec spec = path.equals("/") ? new ServletPathSpec("") // the root alone ("/" would be every path)
                : path.endsWith("/*") || !path.contains("{") ? new ServletPathSpec(path) : new UriTemplatePathSpec(path);
        routes.put(spec, new Route(methods, action));
        if (starts != null) {
            String start = start(path);
            if (start == null) {
                starts = null;
            } else {
                starts = java.util.Arrays.copyOf(starts, starts.length + 1);
                starts[starts.length - 1] = start;
            }
        }
        return this;
    }

    /** @return what every path the route matches starts with, or {@code null} when there is no such text */
    static String start(String path) {
        if (!path.startsWith("/") || path.equals("/") || path.startsWith("*") || path.endsWith("/*") && path.length() < 3) {
            return null; // the root, every path, a suffix: no filter for this table
        }
        int variable = path.indexOf('{');
        if (variable >= 0 && !path.endsWith("/*")) {
            return path.substring(0, variable);
        }
        return path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
    }

    /** @return whether some route may match the path: {@code false} only when none can */
    private boolean mayMatch(String path) {
        String[] s = starts;
        if (s == null) {
            return true;
        }
        for (String start : s) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** For tests: whether a route of the table takes the path, as {@link #handle} decides it. */
    boolean takes(String path) {
        return mayMatch(path) && routes.getMatched(path) != null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path != null && !mayMatch(path)) {
            return false;
        }
        return handleMatched(request, response, callback, path);
    }

    private boolean handleMatched(Request request, Response response, Callback callback, String path) throws Exception {
        MatchedResource<Route> m = routes.getMatched(path);
        if (m == null) {
            return false;
        }
        Route route = m.getResource();
        if (!route.methods().contains(request.getMethod())) {
            response.getHeaders().put("Allow", String.join(", ", new TreeSet<>(route.methods())));
            refusal.refuse(request, response, callback);
            return true;
        }
        route.action().handle(request, response, callback, at(m, path));
        return true;
    }

    private static Map<String, String> at(MatchedResource<Route> m, String path) {
        if (m.getPathSpec() instanceof UriTemplatePathSpec t) {
            return t.getPathParams(path);
        }
        String rest = m.getPathInfo();
        return Map.of("*", rest == null ? "" : rest.startsWith("/") ? rest.substring(1) : rest);
    }
}
