package org.khidmat.web.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.Accounts;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.Session;

/**
 * Who is asking: a staff session (the HttpOnly, SameSite=Strict cookie {@code khidmat_session}) or an API token
 * ({@code Authorization: Bearer kh_...}); and whether a state-changing request of a session carries its CSRF token.
 * The accounts service is looked up at the first staff request, so that the centre's start hashes nothing.
 */
public final class Gate {
    public static final String COOKIE = "khidmat_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";

    /** A caller: the account, and the session when it came with a cookie ({@code null} for a token). */
    public record Caller(Account account, Session session) {
        public String name() {
            return account.username();
        }

        public boolean is(Role role) {
            return account.role() == role;
        }

        /** @return whether the caller may act for that agency: admins and operators for all, agency staff for theirs */
        public boolean mayAct(String agency) {
            return account.role() != Role.AGENCY || account.agency() != null && account.agency().equals(agency);
        }
    }

    private final Supplier<Accounts> accounts;

    public Gate(Supplier<Accounts> accounts) {
        this.accounts = accounts;
    }

    public Accounts accounts() {
        return accounts.get();
    }

    /** @return the caller; empty when no, an unknown, an expired or a revoked credential came with the request */
    public Optional<Caller> caller(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.get().byToken(auth.substring(7).strip()).map(a -> new Caller(a, null));
        }
        String id = Exchange.cookie(request, COOKIE);
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return accounts.get().session(id).map(s -> new Caller(s.account(), s));
    }

    /** @return whether the request may change state: safe methods, token callers, or the session's CSRF token */
    public static boolean csrfOk(Request request, Caller caller, String formValue) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || caller.session() == null) {
            return true;
        }
        String sent = formValue != null ? formValue : request.getHeaders().get(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                caller.session().csrf().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For the JSON API: the caller when signed in with one of the roles, else writes 401 or 403 and returns empty.
     * A session's state-changing request without its CSRF token in {@code X-CSRF-Token} is refused with 403.
     */
    public Optional<Caller> api(Request request, Response response, Callback callback, Role... roles) {
        Optional<Caller> c = caller(request);
        if (c.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"khidmat\"");
            Http.error(response, callback, 401, "log in (POST /api/v1/login) or send Authorization: Bearer <token>");
            return Optional.empty();
        }
        if (!allowed(c.get(), roles)) {
            Http.error(response, callback, 403, "account " + c.get().name() + " (" + c.get().account().role()
                    + ") may not do this");
            return Optional.empty();
        }
        if (!csrfOk(request, c.get(), null)) {
            Http.error(response, callback, 403, "missing or wrong " + CSRF_HEADER + " header; send the csrf value of your session");
            return Optional.empty();
        }
        return c;
    }

    public static boolean allowed(Caller c, Role... roles) {
        for (Role r : roles) {
            if (c.is(r)) {
                return true;
            }
        }
        return roles.length == 0;
    }

    public static void openSession(Request request, Response response, String id) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    public static void endSession(Request request, Response response) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }
}
