package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.http.Uploads;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.ServiceJson;
import org.khidmat.web.internal.staff.BundleDesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Role;

/**
 * The staff side of {@code /api/v1} for bundles and services: {@code GET, PUT /api/v1/bundles} (the jar as the
 * body; 202 when a jar with code waits for approval), {@code POST /api/v1/bundles/{symbolicName}/rollback},
 * {@code DELETE /api/v1/bundles/{symbolicName}[?withDependents=true]}, {@code GET /api/v1/bundles/pending},
 * {@code POST /api/v1/bundles/pending/{sha256}/approve|reject} (admins), {@code POST /api/v1/services/{id}/enable|disable}.
 * Every answer about a bundle is the deployer's verdict; an upload waits for it without holding a request thread.
 */
public final class BundleApi extends Handler.Abstract {
    private static final String BUNDLES = "/api/v1/bundles";
    private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private final Gate gate;
    private final BundleDesk desk;
    private final Catalogue catalogue;
    private final Uploads uploads;
    private final RouteTable routes = routes();

    public BundleApi(Gate gate, BundleDesk desk, Catalogue catalogue, Uploads uploads) {
        this.gate = gate;
        this.desk = desk;
        this.catalogue = catalogue;
        this.uploads = uploads;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback);
    }

    private RouteTable routes() {
        return ApiRoutes.table()
                .route("/api/v1/services/{id}/enable", ApiRoutes.POST, (rq, rs, cb, at) -> enable(rq, rs, cb, at.get("id"),
                        true))
                .route("/api/v1/services/{id}/disable", ApiRoutes.POST, (rq, rs, cb, at) -> enable(rq, rs, cb,
                        at.get("id"), false))
                .route(BUNDLES, Set.of("GET", "PUT"), (rq, rs, cb, at) -> {
                    var caller = gate.api(rq, rs, cb, Role.ADMIN, Role.AGENCY);
                    if (caller.isPresent() && "GET".equals(rq.getMethod())) {
                        Http.json(rs, cb, 200, desk.visible(caller.get()).stream().map(BundleDesk::json).toList());
                    } else if (caller.isPresent()) {
                        put(rq, rs, cb, caller.get());
                    }
                })
                .route(BUNDLES + "/pending", Set.of("GET"), (rq, rs, cb, at) -> gate.api(rq, rs, cb, Role.ADMIN)
                        .ifPresent(c -> Http.json(rs, cb, 200, desk.pending(c).stream().map(BundleDesk::json).toList())))
                .route(BUNDLES + "/pending/{sha256}/approve", ApiRoutes.POST, (rq, rs, cb, at) -> judge(rq, rs, cb,
                        at.get("sha256"), true))
                .route(BUNDLES + "/pending/{sha256}/reject", ApiRoutes.POST, (rq, rs, cb, at) -> judge(rq, rs, cb,
                        at.get("sha256"), false))
                .route(BUNDLES + "/{name}/rollback", ApiRoutes.POST, (rq, rs, cb, at) -> change(rq, rs, cb,
                        at.get("name"), true))
                .route(BUNDLES + "/{name}", Set.of("DELETE"), (rq, rs, cb, at) -> change(rq, rs, cb, at.get("name"), false))
                .route(BUNDLES + "/*", ANY, (rq, rs, cb, at) -> Http.error(rs, cb, 404, "no such API resource: "
                        + Request.getPathInContext(rq)));
    }

    private void enable(Request request, Response response, Callback callback, String id, boolean enable)
            throws IOException {
        var caller = gate.api(request, response, callback, Role.ADMIN);
        if (caller.isPresent()) {
            enable(request, response, callback, caller.get(), id, enable);
        }
    }

    /** Rolls a bundle back, or withdraws it ({@code ?withDependents=true} takes its dependents along). */
    private void change(Request request, Response response, Callback callback, String name, boolean rollback) {
        var caller = gate.api(request, response, callback, Role.ADMIN, Role.AGENCY);
        if (caller.isPresent()) {
            boolean withDependents = "true".equals(Request.extractQueryParameters(request).getValue("withDependents"));
            BundleDesk.Outcome o = rollback ? desk.rollback(caller.get(), name) : desk.withdraw(caller.get(), name, withDependents);
            Http.json(response, callback, o.status(), BundleDesk.json(o.result()));
        }
    }

    private void put(Request request, Response response, Callback callback, Gate.Caller caller) throws IOException {
        Path jar;
        try {
            jar = uploads.body(request);
        } catch (Uploads.Refused e) {
            Http.error(response, callback, e.status, e.getMessage());
            return;
        }
        // the request thread goes back to the pool; the answer is written when the deployer's verdict is known
        desk.deploy(caller, jar).whenComplete((o, failure) -> {
            Uploads.delete(jar); // before the answer: once the caller hears the verdict, nothing is left behind
            if (failure != null) {
                Http.error(response, callback, 500, "the deployer failed; the centre's log says why");
            } else {
                Http.json(response, callback, o.status(), BundleDesk.json(o.result()));
            }
        });
    }

    /** {@code POST pending/{sha256}/approve|reject}: admins judge jars that carry code. */
    private void judge(Request request, Response response, Callback callback, String sha256, boolean approve)
            throws IOException {
        var caller = gate.api(request, response, callback, Role.ADMIN);
        if (caller.isEmpty()) {
            return;
        }
        BundleDesk.Outcome o;
        if (approve) {
            o = desk.approve(caller.get(), sha256);
        } else {
            String reason = null;
            try {
                String body = Exchange.body(request);
                reason = body.isBlank() ? null : JsonIn.string(JsonIn.object(body), "reason");
            } catch (Exchange.TooLarge | JsonIn.BadJson e) {
                Http.error(response, callback, 400, e.getMessage());
                return;
            }
            o = desk.reject(caller.get(), sha256, reason);
        }
        Http.json(response, callback, o.status(), BundleDesk.json(o.result()));
    }

    private void enable(Request request, Response response, Callback callback, Gate.Caller caller, String id, boolean enable)
            throws IOException {
        String reason = null;
        String reasonUr = null;
        java.time.LocalDate until = null;
        try {
            String body = Exchange.body(request);
            if (!body.isBlank()) {
                JsonNode o = JsonIn.object(body);
                reason = JsonIn.string(o, "reason");
                reasonUr = JsonIn.string(o, "reasonUr");
                String back = JsonIn.string(o, "until");
                until = back == null || back.isBlank() ? null : java.time.LocalDate.parse(back.strip());
            }
        } catch (java.time.format.DateTimeParseException e) {
            Http.error(response, callback, 400, "'until' must be the day the service is expected back, as YYYY-MM-DD");
            return;
        } catch (Exchange.TooLarge e) {
            Http.error(response, callback, 413, e.getMessage());
            return;
        } catch (JsonIn.BadJson e) {
            Http.error(response, callback, 400, e.getMessage());
            return;
        }
        if (!enable && (reason == null || reason.isBlank())) {
            Http.error(response, callback, 400, "'reason' is required to disable a service: citizens see it");
            return;
        }
        try {
            var e = catalogue.setEnabled(id, enable, enable ? null : new DisabledReason(reason.strip(), DisabledReason.blank(reasonUr),
                    until).stored(), caller.name());
            Http.json(response, callback, 200, ServiceJson.summary(e));
        } catch (NoSuchElementException e) {
            Http.error(response, callback, 404, "no service " + id + " in this centre");
        }
    }
}
