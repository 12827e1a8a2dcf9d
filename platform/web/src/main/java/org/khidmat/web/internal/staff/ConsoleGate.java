package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;

import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Role;

/** The {@link Gate} of the staff consoles: refusals are HTML pages in the console's frame, never JSON. */
final class ConsoleGate {
    private ConsoleGate() {
    }

    /**
     * For the consoles: the caller when signed in with one of the roles; else a redirect to {@code /login}, or a
     * 403 page in the console's frame for the wrong role. CSRF is checked by the page once it has read its form.
     */
    static Optional<Gate.Caller> page(Gate gate, Request request, Response response, Callback callback, Role... roles) {
        Optional<Gate.Caller> c = gate.caller(request);
        if (c.isEmpty()) {
            Exchange.redirect(response, callback, "/login");
            return Optional.empty();
        }
        if (!Gate.allowed(c.get(), roles)) {
            ConsoleLayout.errorPage(request, response, callback, c.get(), 403, "error.forbidden", c.get().name());
            return Optional.empty();
        }
        return c;
    }

    /**
     * Reads a console form and checks its CSRF field.
     *
     * @return the form's fields, or {@code null} when the request was already answered (too large, bad token)
     */
    static Map<String, String> checkedForm(Request request, Response response, Callback callback, Gate.Caller caller)
            throws java.io.IOException {
        Map<String, String> form;
        try {
            form = Exchange.form(request);
        } catch (Exchange.TooLarge e) {
            ConsoleLayout.errorPage(request, response, callback, caller, 413, "error.sentence", e.getMessage());
            return null;
        }
        if (!Gate.csrfOk(request, caller, form.get(Gate.CSRF_FIELD))) {
            badCsrf(request, response, callback, caller);
            return null;
        }
        return form;
    }

    /** Answers a console form without its session's CSRF token (an HTML page: the consoles never answer JSON). */
    static void badCsrf(Request request, Response response, Callback callback, Gate.Caller caller) {
        ConsoleLayout.errorPage(request, response, callback, caller, 403, "error.csrf");
    }
}
