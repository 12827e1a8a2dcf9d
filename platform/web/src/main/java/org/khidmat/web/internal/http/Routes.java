package org.khidmat.web.internal.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route pattern a path belongs to, for the {@code route} label of the HTTP metrics: {@code /api/v1/services/{id}},
 * never the raw path, so that a label holds no reference, CNIC or service id typed by a client and the number of series
 * stays bounded. Literal segments win over {@code {x}} ones; {@code *} takes the rest of a path. A path no pattern
 * matches is {@value #UNMATCHED}.
 */
final class Routes {
    static final String UNMATCHED = "unmatched";
    /** Every page and API of the centre (see the web README); a new handler adds its patterns here. */
    static final List<String> PATTERNS = List.of("/", "/health", "/health/live", "/health/ready", "/metrics",
            "/assets/{file}", "/login", "/logout", "/lang", "/services/{id}", "/services/{id}/start", "/apply/{id}/tier",
            "/apply/{id}/page/{n}", "/apply/{id}/check", "/apply/{id}/done", "/track", "/pay", "/receipt",
            "/receipt/download", "/rate", "/figures", "/figures.csv", "/figures.json", "/api/v1/figures",
            "/api/v1/services", "/api/v1/services/{id}", "/api/v1/services/{id}/enable", "/api/v1/services/{id}/disable",
            "/api/v1/services/{id}/slots", "/api/v1/applications", "/api/v1/applications/track",
            "/api/v1/applications/{ref}/moves", "/api/v1/payments", "/api/v1/payments/confirm", "/api/v1/receipts",
            "/api/v1/ratings", "/api/v1/login", "/api/v1/logout", "/api/v1/session", "/api/v1/bundles",
            "/api/v1/bundles/{bsn}", "/api/v1/bundles/{bsn}/rollback", "/api/v1/bundles/pending",
            "/api/v1/bundles/pending/{sha}/approve", "/api/v1/bundles/pending/{sha}/reject", "/api/v1/audit",
            "/api/v1/audit/verify", "/api/v1/accounts", "/api/v1/accounts/{name}", "/api/v1/accounts/{name}/tokens",
            "/api/v1/agency/{code}/applications", "/api/v1/queue/tokens", "/api/v1/queue/tokens/{id}",
            "/api/v1/queue/tokens/{id}/served", "/api/v1/queue/tokens/{id}/no-show", "/api/v1/queue/called",
            "/api/v1/counters/{n}/next", "/api/v1/appointments", "/api/v1/appointments/check-in",
            "/api/v1/appointments/cancel", "/api/*", "/admin", "/admin/*", "/agency", "/agency/inbox",
            "/agency/applications/{ref}", "/agency/*", "/counter", "/counter/*", "/queue", "/queue/tokens/{id}",
            "/display", "/display/events", "/appointments", "/appointments/check-in", "/appointments/cancel",
            "/appointments/{id}", "/appointments/{id}/{day}", "/appointments/{id}/{day}/{time}");

    /** One step of the tree: literal children, one {@code {x}} child, a {@code *} route, and the route ending here. */
    private static final class Node {
        final Map<String, Node> literal = new HashMap<>();
        Node any;
        String rest;
        String route;
    }

    /** Paths seen, with their pattern: most requests are for a few paths. Bounded, as paths come from clients. */
    static final int REMEMBERED = 2048;
    private final Node root = new Node();
    private final ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();

    Routes(List<String> patterns) {
        for (String p : patterns) {
            Node n = root;
            for (String s : segments(p)) {
                if (s.equals("*")) {
                    n.rest = p;
                    n = null;
                    break;
                }
                n = s.startsWith("{") ? (n.any == null ? (n.any = new Node()) : n.any)
                        : n.literal.computeIfAbsent(s, k -> new Node());
            }
            if (n != null) {
                n.route = p;
            }
        }
    }

    /** @return the pattern of {@code path}, or {@link #UNMATCHED} */
    String of(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return UNMATCHED;
        }
        String known = seen.get(path);
        if (known != null) {
            return known;
        }
        String r = match(root, segments(path), 0);
        r = r == null ? UNMATCHED : r;
        if (seen.size() < REMEMBERED) {
            seen.putIfAbsent(path, r);
        }
        return r;
    }

    /** @return how many paths are remembered now */
    int remembered() {
        return seen.size();
    }

    private static String match(Node n, String[] segments, int i) {
        if (i == segments.length) {
            return n.route != null ? n.route : n.rest;
        }
        Node lit = n.literal.get(segments[i]);
        String r = lit == null ? null : match(lit, segments, i + 1);
        if (r == null && n.any != null && !segments[i].isEmpty()) {
            r = match(n.any, segments, i + 1);
        }
        return r != null ? r : n.rest;
    }

    private static String[] segments(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/") ? new String[0] : p.substring(1).split("/", -1);
    }
}
