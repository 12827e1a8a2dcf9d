package org.khidmat.web.internal.api;

import org.khidmat.web.internal.hall.HallBoard;
import org.khidmat.web.internal.hall.HallJson;
import org.khidmat.web.internal.hall.KioskPages;
import org.khidmat.web.internal.hall.TokenStatus;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.ServiceJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.StoreException;

/**
 * The queue's JSON API. For everyone: {@code POST /api/v1/queue/tokens} {@code {"service", "reference"?}} (201 with
 * the token and its wait), {@code GET /api/v1/queue/tokens/{id}}, {@code GET /api/v1/queue/called} (what the hall
 * display shows). For operators and admins: {@code POST /api/v1/counters/{n}/next} and
 * {@code POST /api/v1/queue/tokens/{id}/served} or {@code .../no-show}.
 */
public final class QueueApi extends Handler.Abstract {
    private static final String TOKENS = "/api/v1/queue/tokens";
    private final Gate gate;
    private final Queue queue;
    private final Catalogue catalogue;
    private final Supplier<HallBoard> board;
    private final Applications applications;
    private final RouteTable routes = routes();

    public QueueApi(Gate gate, Queue queue, Catalogue catalogue, Supplier<HallBoard> board, Applications applications) {
        this.applications = applications;
        this.gate = gate;
        this.queue = queue;
        this.catalogue = catalogue;
        this.board = board;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return routes.handle(request, response, callback);
        } catch (StoreException e) {
            Http.error(response, callback, 503, "the queue could not be changed now; nothing was done, try again");
        }
        return true;
    }

    private RouteTable routes() {
        return ApiRoutes.table()
                .route(TOKENS, ApiRoutes.POST, (rq, rs, cb, at) -> take(rq, rs, cb))
                .route("/api/v1/queue/called", RouteTable.GET, (rq, rs, cb, at) -> Http.json(rs, cb, 200,
                        board.get().json()))
                .route(TOKENS + "/{id}", RouteTable.GET, (rq, rs, cb, at) -> show(rq, rs, cb,
                        KioskPages.parse(at.get("id"))))
                .route(TOKENS + "/{id}/served", ApiRoutes.POST, (rq, rs, cb, at) -> finish(rq, rs, cb,
                        KioskPages.parse(at.get("id")), true))
                .route(TOKENS + "/{id}/no-show", ApiRoutes.POST, (rq, rs, cb, at) -> finish(rq, rs, cb,
                        KioskPages.parse(at.get("id")), false))
                .route("/api/v1/counters/{n}/next", ApiRoutes.POST, (rq, rs, cb, at) -> next(rq, rs, cb, at.get("n")));
    }

    private void take(Request request, Response response, Callback callback) throws IOException, Exchange.TooLarge,
            JsonIn.BadJson {
        JsonNode o = JsonIn.request(request);
        String service = JsonIn.string(o, "service");
        String reference = JsonIn.string(o, "reference");
        if (service == null || service.isBlank()) {
            throw new JsonIn.BadJson("'service' is required, for example \"nadra.cnic-renewal\"");
        }
        Optional<CatalogueEntry> e = catalogue.service(service);
        if (e.isEmpty()) {
            Http.error(response, callback, 404, "no service " + service + " in this centre");
            return;
        }
        if (!e.get().enabled()) {
            Http.error(response, callback, 409, "service " + service + " is temporarily unavailable"
                    + (e.get().disabledReason() == null ? "" : ": " + DisabledReason.of(e.get().disabledReason()).en()));
            return;
        }
        String ref = null;
        if (reference != null && !reference.isBlank()) {
            Optional<String> mine = KioskPages.reference(applications, service, reference, JsonIn.string(o, "cnic"));
            if (mine.isEmpty()) {
                Http.error(response, callback, 422, "no application " + reference.strip() + " of this service with that "
                        + "'cnic'; send the reference with the CNIC it was filed with, or leave 'reference' out");
                return;
            }
            ref = mine.get();
        }
        QueueToken t;
        try {
            t = queue.take(service, ref);
        } catch (IllegalArgumentException x) {
            Http.error(response, callback, 422, x.getMessage() + "; check the reference or leave 'reference' out");
            return;
        } catch (IllegalStateException x) {
            Http.error(response, callback, 409, x.getMessage());
            return;
        } catch (NoSuchElementException x) {
            Http.error(response, callback, 404, "no service " + service + " in this centre");
            return;
        }
        response.getHeaders().put(HttpHeader.LOCATION, TOKENS + "/" + t.id());
        Http.json(response, callback, 201, HallJson.token(TokenStatus.of(queue, t), false));
    }

    private void show(Request request, Response response, Callback callback, Optional<Long> id) {
        Optional<QueueToken> t = id.flatMap(queue::token);
        if (t.isEmpty()) {
            Http.error(response, callback, 404, "no such token");
            return;
        }
        boolean staff = gate.caller(request).filter(c -> c.is(Role.OPERATOR) || c.is(Role.ADMIN)).isPresent();
        Http.json(response, callback, 200, HallJson.token(TokenStatus.of(queue, t.get()), staff));
    }

    private void finish(Request request, Response response, Callback callback, Optional<Long> id, boolean served) {
        Optional<Gate.Caller> c = gate.api(request, response, callback, Role.OPERATOR, Role.ADMIN);
        if (c.isEmpty()) {
            return;
        }
        Optional<QueueToken> t = id.flatMap(queue::token);
        if (t.isEmpty()) {
            Http.error(response, callback, 404, "no such token");
            return;
        }
        Optional<QueueToken> done = queue.finish(t.get().id(), served, c.get().name());
        if (done.isEmpty()) {
            Http.error(response, callback, 409, "token " + t.get().number() + " is " + t.get().state()
                    + "; only a called token can be marked served or no-show");
            return;
        }
        Http.json(response, callback, 200, HallJson.token(TokenStatus.of(queue, done.get()), true));
    }

    private void next(Request request, Response response, Callback callback, String number) {
        Optional<Gate.Caller> c = gate.api(request, response, callback, Role.OPERATOR, Role.ADMIN);
        if (c.isEmpty()) {
            return;
        }
        Optional<Counter> counter = queue.counters().stream().filter(x -> Integer.toString(x.number()).equals(number)).findFirst();
        if (counter.isEmpty()) {
            Http.error(response, callback, 404, "no counter " + number + "; the counters are "
                    + String.join(", ", queue.counters().stream().map(x -> Integer.toString(x.number())).toList()));
            return;
        }
        if (!counter.get().open()) {
            Http.error(response, callback, 409, "counter " + number + " is closed; open it first");
            return;
        }
        Optional<QueueToken> called = queue.callNext(counter.get().number(), c.get().name());
        Http.json(response, callback, 200, ServiceJson.ordered("counter", counter.get().number(), "token",
                called.map(t -> HallJson.token(TokenStatus.of(queue, t), true)).orElse(null), "message",
                called.map(t -> "called " + t.number() + " to counter " + number)
                        .orElse("nobody is waiting for the categories counter " + number + " serves")));
    }
}
