package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.jetty.http.pathmap.PathMappings;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.junit.jupiter.api.Test;

/**
 * A table passes a path on without asking its mappings when no route's start begins it; it takes every path its
 * mappings match, as before the filter (a request passes the tables of every audience before its own: issue 16).
 */
class RouteTableTest {
    private static final List<String> PATHS = List.of("/", "", "/api/v1/applications", "/api/v1/applications/",
            "/api/v1/applications/track", "/api/v1/bundles", "/api/v1/bundles/pending", "/api/v1/bundles/pending/ab12/approve",
            "/api/v1/bundles/org.acme.x/rollback", "/api/v1/bundlesx", "/appointments", "/appointments/", "/appointments/x/y",
            "/appointmentsx", "/queue/tokens/12", "/queue/tokens/", "/queue/tokens", "/Queue/tokens/12", "/metrics",
            "/metricsx", "/wp-login.php", "/x");

    @Test
    void startsAreTheTextBeforeAVariableThePrefixOrTheWholePath() {
        assertEquals("/api/v1/applications", RouteTable.start("/api/v1/applications"));
        assertEquals("/queue/tokens/", RouteTable.start("/queue/tokens/{id}"));
        assertEquals("/appointments", RouteTable.start("/appointments/*"));
        assertNull(RouteTable.start("/"), "the root: no filter");
        assertNull(RouteTable.start("/*"), "every path: no filter");
        assertNull(RouteTable.start("*.css"), "a suffix: no filter");
    }

    @Test
    void aTableTakesExactlyThePathsItsMappingsMatch() {
        List<List<String>> tables = List.of(
                List.of("/api/v1/applications", "/api/v1/applications/track"),
                List.of("/api/v1/bundles", "/api/v1/bundles/pending", "/api/v1/bundles/pending/{sha256}/approve",
                        "/api/v1/bundles/{name}/rollback"),
                List.of("/appointments/*", "/queue/tokens/{id}", "/metrics"),
                List.of("/", "/track"),
                List.of("/*"));
        for (List<String> paths : tables) {
            RouteTable table = new RouteTable((rq, rs, cb) -> { });
            PathMappings<String> plain = new PathMappings<>();
            for (String p : paths) {
                table.route(p, RouteTable.GET, (rq, rs, cb, at) -> { });
                plain.put(p.equals("/") ? new ServletPathSpec("") : p.endsWith("/*") || !p.contains("{")
                        ? new ServletPathSpec(p) : new UriTemplatePathSpec(p), p);
            }
            for (String path : PATHS) {
                assertEquals(plain.getMatched(path) != null, table.takes(path), paths + " for " + path);
            }
        }
    }

    @Test
    void aPathNoRouteStartsIsPassedOn() {
        RouteTable bundles = new RouteTable((rq, rs, cb) -> { })
                .route("/api/v1/bundles/{name}/rollback", RouteTable.GET, (rq, rs, cb, at) -> { });
        assertFalse(bundles.takes("/api/v1/applications"));
        assertTrue(bundles.takes("/api/v1/bundles/org.acme.x/rollback"));
    }
}
