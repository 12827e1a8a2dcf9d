package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.ServiceJson;
import org.khidmat.web.internal.staff.InboxQuery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.platform.TrackedApplication;

/**
 * Staff API: {@code POST /api/v1/login} and {@code /logout}, {@code GET /api/v1/session}; accounts and tokens
 * ({@code POST /api/v1/accounts}, {@code POST /api/v1/accounts/{name}/tokens}); the audit log
 * ({@code GET /api/v1/audit?q=}, {@code GET /api/v1/audit/verify}); and the workflow
 * ({@code GET /api/v1/agency/{code}/applications}, {@code POST /api/v1/applications/{ref}/moves}).
 * The inbox comes in pages ({@code ?limit=} up to 200, {@code ?after=} the cursor of the previous page's
 * {@value #NEXT_AFTER} header, present when the page was full).
 */
public final class StaffApi extends Handler.Abstract {
    /** The response header with the {@code after} of the next page of an inbox. */
    static final String NEXT_AFTER = "Khidmat-Next-After";
    private final Gate gate;
    private final AuditLog audit;
    private final Applications applications;
    private final RouteTable routes = routes();

    public StaffApi(Gate gate, AuditLog audit, Applications applications) {
        this.gate = gate;
        this.audit = audit;
        this.applications = applications;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return routes.handle(request, response, callback);
        } catch (IllegalArgumentException e) {
            Http.error(response, callback, 422, e.getMessage());
        } catch (StoreException e) {
            Http.error(response, callback, 503, "the change could not be stored; try again");
        }
        return true;
    }

    private RouteTable routes() {
        return ApiRoutes.table()
                .route("/api/v1/login", ApiRoutes.POST, (rq, rs, cb, at) -> login(rq, rs, cb))
                .route("/api/v1/logout", ApiRoutes.POST, (rq, rs, cb, at) -> gate.api(rq, rs, cb).ifPresent(c -> {
                    gate.accounts().logout(c.session() == null ? null : c.session().id());
                    Gate.endSession(rq, rs);
                    Http.json(rs, cb, 200, Map.of("ok", true));
                }))
                .route("/api/v1/session", RouteTable.GET, (rq, rs, cb, at) -> gate.api(rq, rs, cb)
                        .ifPresent(c -> Http.json(rs, cb, 200, whoami(c))))
                .route("/api/v1/accounts", ApiRoutes.POST, (rq, rs, cb, at) -> {
                    Optional<Gate.Caller> c = gate.api(rq, rs, cb, Role.ADMIN);
                    if (c.isPresent()) {
                        createAccount(rq, rs, cb, c.get());
                    }
                })
                .route("/api/v1/accounts/{name}/tokens", ApiRoutes.POST, (rq, rs, cb, at) -> {
                    Optional<Gate.Caller> c = gate.api(rq, rs, cb, Role.ADMIN);
                    if (c.isPresent()) {
                        issueToken(rq, rs, cb, c.get(), at.get("name"));
                    }
                })
                .route("/api/v1/audit", RouteTable.GET, (rq, rs, cb, at) -> {
                    Map<String, String> q = Exchange.query(rq);
                    gate.api(rq, rs, cb, Role.ADMIN).ifPresent(c -> Http.json(rs, cb, 200,
                            audit.search(q.get("q"), limit(q.get("limit"))).stream().map(e -> ServiceJson.ordered("seq",
                                    e.seq(), "at", e.at().toString(), "actor", e.actor(), "action", e.action(), "subject",
                                    e.subject(), "detail", e.detail(), "hash", e.hash())).toList()));
                })
                .route("/api/v1/audit/verify", RouteTable.GET, (rq, rs, cb, at) -> gate.api(rq, rs, cb, Role.ADMIN)
                        .ifPresent(c -> {
                            AuditCheck a = audit.verify();
                            Http.json(rs, cb, 200, ServiceJson.ordered("intact", a.intact(), "entries", a.entries(),
                                    "firstBroken", a.firstBroken(), "message", a.message()));
                        }))
                // the short forms (no agency, no reference) still ask for a login first, then find nothing
                .route("/api/v1/agency/{code}/applications", RouteTable.GET, (rq, rs, cb, at) -> gate.api(rq, rs, cb)
                        .ifPresent(c -> inbox(rq, rs, cb, c, at.get("code"))))
                .route("/api/v1/agency/applications", RouteTable.GET, (rq, rs, cb, at) -> gate.api(rq, rs, cb)
                        .ifPresent(c -> inbox(rq, rs, cb, c, "")))
                .route("/api/v1/applications/{ref}/moves", ApiRoutes.POST, (rq, rs, cb, at) -> move(rq, rs, cb,
                        at.get("ref")))
                .route("/api/v1/applications/moves", ApiRoutes.POST, (rq, rs, cb, at) -> move(rq, rs, cb, ""));
    }

    private void move(Request request, Response response, Callback callback, String reference) throws IOException,
            Exchange.TooLarge, JsonIn.BadJson {
        Optional<Gate.Caller> c = gate.api(request, response, callback);
        if (c.isPresent()) {
            move(request, response, callback, c.get(), reference);
        }
    }

    private void login(Request request, Response response, Callback callback) throws IOException, Exchange.TooLarge,
            JsonIn.BadJson {
        if (!JsonIn.isJson(request)) {
            // a form or text/plain body can be sent by any web page without a preflight: logging a browser in to
            // the attacker's account (login CSRF) needs exactly that
            Http.error(response, callback, 415, "send the login as Content-Type: application/json");
            return;
        }
        JsonNode o = JsonIn.object(Exchange.body(request));
        String username = JsonIn.string(o, "username");
        String password = JsonIn.string(o, "password");
        if (username == null || password == null) {
            throw new JsonIn.BadJson("send 'username' and 'password'");
        }
        LoginResult r = gate.accounts().login(username, password.toCharArray(), Request.getRemoteAddr(request));
        if (!r.ok()) {
            if (r.retryAfterSeconds() > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
            }
            Http.error(response, callback, r.retryAfterSeconds() > 0 ? 429 : 401, r.message());
            return;
        }
        String old = Exchange.cookie(request, Gate.COOKIE);
        if (old != null && !old.isEmpty()) {
            gate.accounts().logout(old);
        }
        Gate.openSession(request, response, r.session().id());
        Http.json(response, callback, 200, whoami(new Gate.Caller(r.session().account(), r.session())));
    }

    private static Map<String, Object> whoami(Gate.Caller c) {
        Account a = c.account();
        return ServiceJson.ordered("username", a.username(), "role", a.role().name(), "agency", a.agency(),
                "csrf", c.session() == null ? null : c.session().csrf());
    }

    private void createAccount(Request request, Response response, Callback callback, Gate.Caller caller)
            throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        JsonNode o = JsonIn.object(Exchange.body(request));
        String role = JsonIn.string(o, "role");
        String password = JsonIn.string(o, "password");
        Role r;
        try {
            r = Role.valueOf(role == null ? "" : role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonIn.BadJson("'role' must be ADMIN, OPERATOR or AGENCY");
        }
        JsonNode fresh = o.get("newAgency");
        if (fresh != null && !fresh.isBoolean()) {
            throw new JsonIn.BadJson("'newAgency' must be true or false");
        }
        Account a = gate.accounts().create(JsonIn.string(o, "username"), password == null ? null : password.toCharArray(), r,
                JsonIn.string(o, "agency"), fresh != null && fresh.asBoolean(), caller.name());
        Http.json(response, callback, 201, ServiceJson.ordered("username", a.username(), "role", a.role().name(),
                "agency", a.agency(), "enabled", a.enabled()));
    }

    private void issueToken(Request request, Response response, Callback callback, Gate.Caller caller, String username)
            throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        String body = Exchange.body(request);
        String label = body.isBlank() ? null : JsonIn.string(JsonIn.object(body), "label");
        if (gate.accounts().find(username).isEmpty()) {
            Http.error(response, callback, 404, "no account " + username);
            return;
        }
        String token = gate.accounts().issueToken(username, label, caller.name());
        Http.json(response, callback, 201, ServiceJson.ordered("username", username, "token", token,
                "note", "shown once: keep it in your pipeline's secrets"));
    }

    private void inbox(Request request, Response response, Callback callback, Gate.Caller caller, String agency) {
        if (!caller.mayAct(agency)) {
            Http.error(response, callback, 403, "account " + caller.name() + " may see agency "
                    + caller.account().agency() + "'s applications only");
            return;
        }
        InboxQuery q;
        try {
            q = InboxQuery.of(Exchange.query(request));
        } catch (IllegalArgumentException e) {
            Http.error(response, callback, 400, e.getMessage());
            return;
        }
        List<ApplicationRecord> page = applications.inbox(agency, q.service(), q.status(), q.after(), q.limit());
        InboxCursor next = q.next(page);
        if (next != null) {
            // the body stays the array it always was; the cursor of the next page travels beside it
            response.getHeaders().put(NEXT_AFTER, next.toString());
        }
        Http.json(response, callback, 200, page.stream().map(TrackJson::summary).toList());
    }

    private void move(Request request, Response response, Callback callback, Gate.Caller caller, String reference)
            throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        Optional<TrackedApplication> t = applications.open(reference);
        if (t.isPresent() && !caller.mayAct(t.get().application().agency())) {
            Http.error(response, callback, 403, "application " + reference + " belongs to another agency");
            return;
        }
        JsonNode o = JsonIn.object(Exchange.body(request));
        String to = JsonIn.string(o, "to");
        if (to == null || to.isBlank()) {
            throw new JsonIn.BadJson("'to' is required: the state to move the application to");
        }
        MoveResult r = applications.move(reference, to, caller.name(), JsonIn.string(o, "note"));
        if (r.moved()) {
            Http.json(response, callback, 200, TrackJson.of(applications.open(reference).orElseThrow()));
            return;
        }
        int status = switch (r.outcome()) {
            case MOVED -> 200;
            case UNKNOWN_APPLICATION -> 404;
            case NOT_ALLOWED, CONFLICT, PAYMENT_DUE -> 409;
            case NOTE_REQUIRED -> 422;
        };
        Http.error(response, callback, status, r.message());
    }

    private static int limit(String s) {
        try {
            return s == null ? 200 : Math.max(1, Math.min(1000, Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
