package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.http.Http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.Role;

/**
 * {@code GET, POST /login} and {@code POST /logout} for staff. The login form carries a one-time value that must
 * match a cookie set with the form (so no other site can log a browser in); a good login ends the session the
 * browser had and opens a new one with a new id; a bad one says only "wrong username or password", and a
 * throttled one answers 429 with {@code Retry-After}.
 */
public final class LoginPages extends Handler.Abstract {
    private static final String FORM_COOKIE = "khidmat_login";
    /** Longest username kept from a login form (the accounts service allows 32 characters). */
    static final int MAX_NAME = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What {@code login.jte} shows: the form's one-time value, the name typed and what went wrong. */
    record View(String token, String username, String error) {
    }

    private final Gate gate;
    private final ConsoleLayout layout;
    private final ConsoleRoutes routes = routes();

    public LoginPages(Gate gate, ConsoleLayout layout) {
        this.gate = gate;
        this.layout = layout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback, null);
    }

    private ConsoleRoutes routes() {
        return new ConsoleRoutes()
                .route("/login", RouteTable.GET_POST, (rq, rs, cb, nobody, at) -> {
                    if (Exchange.isPost(rq)) {
                        login(rq, rs, cb);
                        return;
                    }
                    var caller = gate.caller(rq);
                    if (caller.isPresent()) {
                        Exchange.redirect(rs, cb, home(caller.get().account().role()));
                    } else {
                        form(rq, rs, cb, 200, null, "");
                    }
                })
                .route("/logout", ConsoleRoutes.POST, (rq, rs, cb, nobody, at) -> logout(rq, rs, cb));
    }

    private void login(Request request, Response response, Callback callback) throws IOException {
        Map<String, String> f;
        try {
            f = Exchange.form(request);
        } catch (Exchange.TooLarge e) {
            Http.error(response, callback, 413, e.getMessage());
            return;
        }
        String typed = f.getOrDefault("username", "");
        // bounded before it is used anywhere: no username is longer, and the page echoes it back
        String username = typed.length() > MAX_NAME ? typed.substring(0, MAX_NAME) : typed;
        String expected = Exchange.cookie(request, FORM_COOKIE);
        String sent = f.get("form");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            form(request, response, callback, 400, Messages.of(Messages.STAFF, Languages.of(request)).get("login.expired"), username);
            return;
        }
        LoginResult r = gate.accounts().login(username, f.getOrDefault("password", "").toCharArray(),
                Request.getRemoteAddr(request));
        if (!r.ok()) {
            if (r.retryAfterSeconds() > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
            }
            Messages m = Messages.of(Messages.STAFF, Languages.of(request));
            form(request, response, callback, r.retryAfterSeconds() > 0 ? 429 : 401, r.retryAfterSeconds() > 0
                    ? m.get("login.throttled", r.retryAfterSeconds()) : m.get("login.wrong"), username);
            return;
        }
        String old = Exchange.cookie(request, Gate.COOKIE);
        if (old != null && !old.isEmpty()) {
            gate.accounts().logout(old);
        }
        Gate.openSession(request, response, r.session().id());
        Exchange.redirect(response, callback, home(r.session().account().role()));
    }

    private void logout(Request request, Response response, Callback callback) throws IOException {
        var caller = gate.caller(request);
        Map<String, String> f;
        try {
            f = Exchange.form(request);
        } catch (Exchange.TooLarge e) {
            Http.error(response, callback, 413, e.getMessage());
            return;
        }
        if (caller.isPresent() && caller.get().session() != null) {
            if (!Gate.csrfOk(request, caller.get(), f.get(Gate.CSRF_FIELD))) {
                layout.error(request, response, callback, caller.get(), 403, "error.csrf");
                return;
            }
            gate.accounts().logout(caller.get().session().id());
        }
        Gate.endSession(request, response);
        Exchange.redirect(response, callback, "/login");
    }

    static String home(Role role) {
        return switch (role) {
            case ADMIN -> "/admin";
            case AGENCY -> "/agency";
            case OPERATOR -> "/counter";
        };
    }

    private void form(Request request, Response response, Callback callback, int status, String error, String username) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.getHeaders().add(HttpHeader.SET_COOKIE, FORM_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
        ConsoleLayout.send(response, callback, status, "login.jte", layout.frame(request, null,
                error == null ? "login.title" : "login.titleError"), new View(token, username, error));
    }
}
