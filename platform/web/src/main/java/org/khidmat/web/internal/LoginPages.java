package org.khidmat.web.internal;

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
final class LoginPages extends Handler.Abstract {
    private static final String FORM_COOKIE = "khidmat_login";
    /** Longest username kept from a login form (the accounts service allows 32 characters). */
    static final int MAX_NAME = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Gate gate;

    LoginPages(Gate gate) {
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        boolean post = Exchange.isPost(request);
        if (path.equals("/login") && "GET".equals(request.getMethod())) {
            var caller = gate.caller(request);
            if (caller.isPresent()) {
                Exchange.redirect(response, callback, home(caller.get().account().role()));
            } else {
                form(request, response, callback, 200, null, "");
            }
        } else if (path.equals("/login") && post) {
            login(request, response, callback);
        } else if (path.equals("/logout") && post) {
            logout(request, response, callback);
        } else {
            return false;
        }
        return true;
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
            form(request, response, callback, 400, "The login form had expired. Please try again.", username);
            return;
        }
        LoginResult r = gate.accounts().login(username, f.getOrDefault("password", "").toCharArray(),
                Request.getRemoteAddr(request));
        if (!r.ok()) {
            if (r.retryAfterSeconds() > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
            }
            form(request, response, callback, r.retryAfterSeconds() > 0 ? 429 : 401, r.message(), username);
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
                Http.error(response, callback, 403, "the form is missing its CSRF token; reload the page and try again");
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

    private static void form(Request request, Response response, Callback callback, int status, String error, String username) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.getHeaders().add(HttpHeader.SET_COOKIE, FORM_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
        String body = (error == null ? "" : "<div class=\"summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\">"
                + "<h2>There is a problem</h2><p id=\"login-error\">" + Http.escape(error) + "</p></div>")
                + "<h1>Staff login</h1><form method=\"post\" action=\"/login\">"
                + "<input type=\"hidden\" name=\"form\" value=\"" + token + "\">"
                + "<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" "
                + "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" value=\"" + Http.escape(username) + "\">"
                + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" "
                + "autocomplete=\"current-password\">"
                + "<button type=\"submit\" id=\"login\">Log in</button></form>";
        Http.html(response, callback, status, Layout.page(request, "en", error == null ? "Staff login" : "Error: Staff login", body));
    }
}
