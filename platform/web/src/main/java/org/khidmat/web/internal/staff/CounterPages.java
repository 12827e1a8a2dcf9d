package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.citizen.ApplyPages;
import org.khidmat.web.internal.hall.KioskPages;
import org.khidmat.web.internal.http.Assets;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Role;

/**
 * The counter console for operators and admins, {@code /counter}: the counter chosen once (remembered in the
 * browser's {@code khidmat_counter} cookie, as a counter's computer stays at its counter), the token called to it
 * with served, no-show and "start application" (the citizen's form filled by the operator, tied to the token once
 * filed), call next, open or close the counter and choose its categories, and today's waiting list. Every form is a
 * CSRF-checked POST that redirects back with a note of what it did.
 */
public final class CounterPages extends Handler.Abstract {
    static final String COOKIE = "khidmat_counter";
    private final Gate gate;
    private final Queue queue;
    private final Catalogue catalogue;
    private final ApplyPages apply;
    private final ConsoleLayout layout;
    private final ConsoleRoutes routes = routes();

    public CounterPages(Gate gate, Queue queue, Catalogue catalogue, ApplyPages apply, ConsoleLayout layout) {
        this.gate = gate;
        this.queue = queue;
        this.catalogue = catalogue;
        this.apply = apply;
        this.layout = layout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals("/counter") && !path.startsWith("/counter/")) {
            return false;
        }
        Optional<Gate.Caller> found = ConsoleGate.page(gate, request, response, callback, Role.OPERATOR, Role.ADMIN);
        if (found.isPresent() && !routes.handle(request, response, callback, found.get())) {
            layout.error(request, response, callback, found.get(), 404, "error.nothingAt", path);
        }
        return true;
    }

    /** What a counter form does once its CSRF token is checked, at the counter the operator chose. */
    @FunctionalInterface
    private interface CounterForm {
        void handle(Request request, Response response, Callback callback, Gate.Caller caller, Counter counter,
                Map<String, String> form, Map<String, String> at) throws Exception;
    }

    private ConsoleRoutes routes() {
        ConsoleRoutes.Action home = (rq, rs, cb, caller, at) -> {
            Optional<Counter> mine = chosen(rq, queue.counters());
            if (mine.isPresent()) {
                ConsoleLayout.Frame f = layout.frame(rq, caller, "counter.title", mine.get().number());
                ConsoleLayout.send(rs, cb, 200, "counter.jte", ConsoleLayout.withScript(f, Assets.COUNTER_JS_PATH),
                        CounterView.of(mine.get(), queue.today(), catalogue.services(), Languages.of(rq), Site.of(rq).time()));
            } else {
                chooser(rq, rs, cb, caller);
            }
        };
        return new ConsoleRoutes()
                .route("/counter", RouteTable.GET, home)
                .route("/counter/", RouteTable.GET, home)
                .route("/counter/waiting", RouteTable.GET, (rq, rs, cb, caller, at) -> {
                    Optional<Counter> mine = chosen(rq, queue.counters());
                    if (mine.isPresent()) {
                        ConsoleLayout.send(rs, cb, 200, "waitingPart.jte", layout.frame(rq, caller, "counter.waiting"),
                                CounterView.waiting(mine.get(), queue.today(), catalogue.services(), Languages.of(rq), Site.of(rq).time()));
                    } else {
                        layout.error(rq, rs, cb, caller, 404, "error.nothingAt", Request.getPathInContext(rq));
                    }
                })
                .route("/counter/choose", RouteTable.GET_POST, (rq, rs, cb, caller, at) -> {
                    if (!Exchange.isPost(rq)) {
                        chooser(rq, rs, cb, caller);
                        return;
                    }
                    Map<String, String> form = ConsoleGate.checkedForm(rq, rs, cb, caller);
                    if (form != null) {
                        choose(rs, cb, caller, queue.counters(), form.getOrDefault("counter", ""));
                    }
                })
                .route("/counter/next", ConsoleRoutes.POST, atCounter((rq, rs, cb, caller, counter, form, at) -> next(rs, cb,
                        caller, counter)))
                .route("/counter/settings", ConsoleRoutes.POST, atCounter((rq, rs, cb, caller, counter, form, at) ->
                        settings(rs, cb, caller, counter, form)))
                .route("/counter/tokens/*", ConsoleRoutes.POST, atCounter((rq, rs, cb, caller, counter, form, at) ->
                        token(rq, rs, cb, caller, counter, at.get("*"))));
    }

    /** A counter form: its CSRF token checked, then to the chooser when no counter is chosen yet. */
    private ConsoleRoutes.Action atCounter(CounterForm work) {
        return (rq, rs, cb, caller, at) -> {
            Map<String, String> form = ConsoleGate.checkedForm(rq, rs, cb, caller);
            if (form == null) {
                return;
            }
            Optional<Counter> mine = chosen(rq, queue.counters());
            if (mine.isEmpty()) {
                Exchange.redirect(rs, cb, "/counter/choose");
            } else {
                work.handle(rq, rs, cb, caller, mine.get(), form, at);
            }
        };
    }

    private void chooser(Request request, Response response, Callback callback, Gate.Caller caller) {
        List<Counter> counters = queue.counters();
        Optional<Counter> mine = chosen(request, counters);
        Messages m = Messages.of(Messages.STAFF, Languages.of(request));
        List<Choice> choices = counters.stream().map(c -> new Choice(Integer.toString(c.number()),
                c.open() ? Integer.toString(c.number()) : m.get("counter.numberClosed", Integer.toString(c.number())),
                mine.isPresent() && mine.get().number() == c.number())).toList();
        ConsoleLayout.send(response, callback, 200, "counterChooser.jte", layout.frame(request, caller, "counter.choose"),
                choices);
    }

    private static Optional<Counter> chosen(Request request, List<Counter> counters) {
        String v = Exchange.cookie(request, COOKIE);
        return v == null ? Optional.empty() : counters.stream().filter(c -> Integer.toString(c.number()).equals(v)).findFirst();
    }

    private void choose(Response response, Callback callback, Gate.Caller caller, List<Counter> counters, String number) {
        if (counters.stream().noneMatch(c -> Integer.toString(c.number()).equals(number))) {
            layout.note(caller, false, "counter.chooseListed");
            Exchange.redirect(response, callback, "/counter/choose");
            return;
        }
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + number + "; Path=/counter; Max-Age=" + 365 * 24 * 3600
                + "; HttpOnly; SameSite=Strict");
        layout.note(caller, true, "counter.youAre", number);
        Exchange.redirect(response, callback, "/counter");
    }

    private void next(Response response, Callback callback, Gate.Caller caller, Counter counter) {
        Optional<QueueToken> current = CounterView.current(queue.today(), counter.number());
        if (current.isPresent()) {
            layout.note(caller, false, "counter.finishFirst", current.get().number());
        } else if (!counter.open()) {
            layout.note(caller, false, "counter.isClosed", Integer.toString(counter.number()));
        } else {
            Optional<QueueToken> called = queue.callNext(counter.number(), caller.name());
            if (called.isPresent()) {
                layout.note(caller, true, "counter.called", called.get().number(), Integer.toString(counter.number()));
            } else {
                layout.note(caller, false, "counter.nobodyWaiting");
            }
        }
        Exchange.redirect(response, callback, "/counter");
    }

    private void token(Request request, Response response, Callback callback, Gate.Caller caller, Counter counter,
            String rest) {
        int slash = rest.indexOf('/');
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<QueueToken> t = KioskPages.parse(slash < 0 ? rest : rest.substring(0, slash)).flatMap(queue::token);
        if (t.isEmpty() || !List.of("served", "no-show", "apply").contains(action)) {
            layout.error(request, response, callback, caller, 404, "error.noToken");
            return;
        }
        QueueToken token = t.get();
        if (!QueueToken.CALLED.equals(token.state()) || token.counter() != counter.number()) {
            layout.note(caller, false, "counter.notCalled", token.number(), Integer.toString(counter.number()));
        } else if (action.equals("apply")) {
            Optional<CatalogueEntry> e = catalogue.service(token.serviceId());
            if (e.isPresent() && e.get().enabled()) {
                apply.startForToken(request, response, callback, e.get(), token, caller.name());
                return;
            }
            layout.note(caller, false, "counter.unavailable", token.serviceId());
        } else {
            boolean served = action.equals("served");
            Optional<QueueToken> done = queue.finish(token.id(), served, caller.name());
            layout.note(caller, done.isPresent(), done.isEmpty() ? "counter.finishedAlready" : served ? "counter.servedNote"
                    : "counter.noShowNote", token.number());
        }
        Exchange.redirect(response, callback, "/counter");
    }

    private void settings(Response response, Callback callback, Gate.Caller caller, Counter counter, Map<String, String> form) {
        List<String> categories = new ArrayList<>();
        for (String c : CounterView.categories(catalogue.services(), counter)) {
            if (form.containsKey("category." + c)) {
                categories.add(c);
            }
        }
        boolean open = "open".equals(form.get("state"));
        queue.saveCounter(new Counter(counter.number(), categories, open), caller.name());
        layout.note(caller, true, (open ? "counter.savedOpen" : "counter.savedClosed") + (categories.isEmpty() ? "All" : ""),
                Integer.toString(counter.number()), String.join(", ", categories));
        Exchange.redirect(response, callback, "/counter");
    }
}
