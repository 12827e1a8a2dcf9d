package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.Uploads;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.ServiceJson;
import org.khidmat.web.internal.staff.BundleDesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
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
    private final Gate gate;
    private final BundleDesk desk;
    private final Catalogue catalogue;
    private final Uploads uploads;

    public BundleApi(Gate gate, BundleDesk desk, Catalogue catalogue, Uploads uploads) {
        this.gate = gate;
        this.desk = desk;
        this.catalogue = catalogue;
        this.uploads = uploads;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean service = path.startsWith("/api/v1/services/") && (path.endsWith("/enable") || path.endsWith("/disable"));
        if (!path.equals(BUNDLES) && !path.startsWith(BUNDLES + "/") && !service) {
            return false;
        }
        if (service) {
            if (!"POST".equals(method)) {
                return notAllowed(response, callback, path, "POST");
            }
            var caller = gate.api(request, response, callback, Role.ADMIN);
            if (caller.isPresent()) {
                boolean enable = path.endsWith("/enable");
                String id = path.substring("/api/v1/services/".length(), Math.max("/api/v1/services/".length(), path.lastIndexOf('/')));
                enable(request, response, callback, caller.get(), id, enable);
            }
            return true;
        }
        if (path.equals(BUNDLES)) {
            if (!"GET".equals(method) && !"PUT".equals(method)) {
                return notAllowed(response, callback, path, "GET, PUT");
            }
            var caller = gate.api(request, response, callback, Role.ADMIN, Role.AGENCY);
            if (caller.isPresent() && "GET".equals(method)) {
                Http.json(response, callback, 200, desk.visible(caller.get()).stream().map(BundleDesk::json).toList());
            } else if (caller.isPresent()) {
                put(request, response, callback, caller.get());
            }
            return true;
        }
        String rest = path.substring(BUNDLES.length() + 1);
        if (rest.equals("pending") || rest.startsWith("pending/")) {
            pending(request, response, callback, rest, method);
            return true;
        }
        boolean rollback = rest.endsWith("/rollback");
        String name = rollback ? rest.substring(0, rest.length() - "/rollback".length()) : rest;
        if (name.isEmpty() || name.contains("/")) {
            Http.error(response, callback, 404, "no such API resource: " + path);
            return true;
        }
        if (rollback ? !"POST".equals(method) : !"DELETE".equals(method)) {
            return notAllowed(response, callback, path, rollback ? "POST" : "DELETE");
        }
        var caller = gate.api(request, response, callback, Role.ADMIN, Role.AGENCY);
        if (caller.isPresent()) {
            boolean withDependents = "true".equals(Request.extractQueryParameters(request).getValue("withDependents"));
            BundleDesk.Outcome o = rollback ? desk.rollback(caller.get(), name) : desk.withdraw(caller.get(), name, withDependents);
            Http.json(response, callback, o.status(), BundleDesk.json(o.result()));
        }
        return true;
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

    /** {@code GET pending}, {@code POST pending/{sha256}/approve|reject}: admins judge jars that carry code. */
    private void pending(Request request, Response response, Callback callback, String rest, String method) throws IOException {
        if (rest.equals("pending")) {
            if (!"GET".equals(method)) {
                notAllowed(response, callback, BUNDLES + "/pending", "GET");
                return;
            }
            var caller = gate.api(request, response, callback, Role.ADMIN);
            if (caller.isPresent()) {
                Http.json(response, callback, 200, desk.pending(caller.get()).stream().map(BundleDesk::json).toList());
            }
            return;
        }
        String[] parts = rest.split("/");
        if (parts.length != 3 || !(parts[2].equals("approve") || parts[2].equals("reject"))) {
            Http.error(response, callback, 404, "no such API resource: " + BUNDLES + "/pending/...");
            return;
        }
        if (!"POST".equals(method)) {
            notAllowed(response, callback, BUNDLES + "/pending/{sha256}/" + parts[2], "POST");
            return;
        }
        var caller = gate.api(request, response, callback, Role.ADMIN);
        if (caller.isEmpty()) {
            return;
        }
        BundleDesk.Outcome o;
        if (parts[2].equals("approve")) {
            o = desk.approve(caller.get(), parts[1]);
        } else {
            String reason = null;
            try {
                String body = Exchange.body(request);
                reason = body.isBlank() ? null : JsonIn.string(JsonIn.object(body), "reason");
            } catch (Exchange.TooLarge | JsonIn.BadJson e) {
                Http.error(response, callback, 400, e.getMessage());
                return;
            }
            o = desk.reject(caller.get(), parts[1], reason);
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

    private static boolean notAllowed(Response response, Callback callback, String path, String allow) {
        response.getHeaders().put("Allow", allow);
        Http.error(response, callback, 405, "not allowed on " + path + "; use " + allow);
        return true;
    }
}
