package org.khidmat.web.internal.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.api.StaffApi;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.TestServer;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.Accounts;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.Session;

/**
 * The staff pages and the JSON API route by tables: a known path asked with a method it does not take is a 405 with
 * {@code Allow} (JSON on the API, a console page elsewhere), a path no table has goes on (404), and the login comes
 * before the route on a console (an unknown console path without a session goes to the login). The consoles' sub-paths
 * (accounts, the inbox's applications, collections) are routes of the table too: a wrong method is a 405 page with
 * {@code Allow}, an unknown path a 404 page in the console's frame.
 */
class RouteTablesTest {
    private static TestServer server;
    private static TestServer consoles;

    @BeforeAll
    static void start() throws Exception {
        Gate gate = new Gate(TestServer::noAccounts);
        ConsoleLayout layout = new ConsoleLayout();
        server = new TestServer(new Handler.Sequence(new StaffApi(gate, null, null), new LoginPages(gate, layout),
                new CounterPages(gate, null, null, null, layout)), null, 50);
        Gate signedIn = new Gate(RouteTablesTest::sessions);
        Applications none = (Applications) Proxy.newProxyInstance(RouteTablesTest.class.getClassLoader(),
                new Class<?>[] {Applications.class}, (p, m, a) -> m.getReturnType() == Optional.class ? Optional.empty() : null);
        CollectionsPages collections = new CollectionsPages(null, layout);
        consoles = new TestServer(new Handler.Sequence(
                new AdminPages(signedIn, null, null, layout, new AccountPages(signedIn, layout), null, null, collections, () -> null),
                new AgencyPages(signedIn, new InboxPages(none, null, layout, null), null, layout, null, collections)), null, 50);
    }

    /** Sessions {@code admin-s} (a centre admin) and {@code agency-s} (NADRA's staff), each with CSRF token {@code t}. */
    private static Accounts sessions() {
        return (Accounts) Proxy.newProxyInstance(RouteTablesTest.class.getClassLoader(), new Class<?>[] {Accounts.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("session")) {
                        Account a = "admin-s".equals(args[0]) ? new Account("amna", Role.ADMIN, null, true, Instant.EPOCH)
                                : "agency-s".equals(args[0]) ? new Account("bilal", Role.AGENCY, "nadra", true, Instant.EPOCH) : null;
                        return a == null ? Optional.empty() : Optional.of(new Session((String) args[0], a, "t", Instant.EPOCH, Instant.EPOCH));
                    }
                    return method.getReturnType() == Optional.class ? Optional.empty() : null;
                });
    }

    private static String console(String method, String path, String session) throws Exception {
        String body = "csrf=t";
        return consoles.raw("127.0.0.1", method + " " + path + " HTTP/1.1\r\nHost: x\r\nCookie: khidmat_session=" + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static void consolePage(String answer, String status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.contains("text/html") && answer.contains("id=\"who\""), "a page in the console's frame: " + answer);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        consoles.close();
    }

    private static String ask(String method, String path) throws Exception {
        return server.raw("127.0.0.1", method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void anApiPathAskedWithTheWrongMethodIsA405WithAllowInJson() throws Exception {
        String login = ask("GET", "/api/v1/login");
        assertTrue(login.startsWith("HTTP/1.1 405") && login.contains("Allow: POST"), login);
        assertTrue(login.contains("\"error\":\"GET is not allowed on /api/v1/login; use POST\""), login);
        String session = ask("DELETE", "/api/v1/session");
        assertTrue(session.startsWith("HTTP/1.1 405") && session.contains("Allow: GET, HEAD"), session);
        String tokens = ask("GET", "/api/v1/accounts/amna/tokens");
        assertTrue(tokens.startsWith("HTTP/1.1 405") && tokens.contains("Allow: POST"), tokens);
    }

    @Test
    void aPathNoTableHasGoesOn() throws Exception {
        assertTrue(ask("GET", "/api/v1/nothing-here").startsWith("HTTP/1.1 404"));
        assertTrue(ask("POST", "/api/v1/accounts/amna/tokens/more").startsWith("HTTP/1.1 404"));
    }

    @Test
    void aConsolePageAskedWithTheWrongMethodIsA405PageWithAllow() throws Exception {
        String login = ask("DELETE", "/login");
        assertTrue(login.startsWith("HTTP/1.1 405") && login.contains("Allow: GET, HEAD, POST"), login);
        assertTrue(login.contains("text/html") && login.contains("DELETE is not taken at /login; use GET, HEAD, POST."), login);
        String logout = ask("GET", "/logout");
        assertTrue(logout.startsWith("HTTP/1.1 405") && logout.contains("Allow: POST"), logout);
    }

    @Test
    void theConsoleAsksForALoginBeforeItLooksForTheRoute() throws Exception {
        for (String path : new String[] {"/counter", "/counter/next", "/counter/no/such/page"}) {
            String a = ask("GET", path);
            assertTrue(a.startsWith("HTTP/1.1 303") && a.contains("Location: /login"), path + ": " + a);
        }
    }

    @Test
    void theAccountPagesAreRoutesOfTheAdminTable() throws Exception {
        String unknown = console("POST", "/admin/accounts/amna/promote", "admin-s");
        consolePage(unknown, "404");
        assertTrue(unknown.contains("/admin/accounts/amna/promote"), unknown);
        String enable = console("GET", "/admin/accounts/amna/enable", "admin-s");
        consolePage(enable, "405");
        assertTrue(enable.contains("Allow: POST"), enable);
        consolePage(console("POST", "/admin/accounts/amna/enable/again", "admin-s"), "404");
        String accounts = console("DELETE", "/admin/accounts", "admin-s");
        consolePage(accounts, "405");
        assertTrue(accounts.contains("Allow: GET, HEAD, POST"), accounts);
    }

    @Test
    void theInboxApplicationsAreRoutesOfTheAgencyTable() throws Exception {
        String post = console("POST", "/agency/applications/KM7Q-4XPA-K", "agency-s");
        consolePage(post, "405");
        assertTrue(post.contains("Allow: GET, HEAD"), post);
        String move = console("GET", "/agency/applications/KM7Q-4XPA-K/move", "agency-s");
        consolePage(move, "405");
        assertTrue(move.contains("Allow: POST"), move);
        String deeper = console("GET", "/agency/applications/KM7Q-4XPA-K/move/more", "agency-s");
        consolePage(deeper, "404");
        assertFalse(deeper.contains("KM7Q-4XPA-K/move/more</strong> is not"), "no application is looked up: " + deeper);
    }

    @Test
    void theCollectionsAreRoutesOfBothTables() throws Exception {
        for (String path : new String[] {"/admin/collections", "/admin/collections.csv"}) {
            String a = console("POST", path, "admin-s");
            consolePage(a, "405");
            assertTrue(a.contains("Allow: GET, HEAD"), path + ": " + a);
        }
        String agency = console("DELETE", "/agency/collections.csv", "agency-s");
        consolePage(agency, "405");
        assertTrue(agency.contains("Allow: GET, HEAD"), agency);
        consolePage(console("GET", "/admin/collections/2026", "admin-s"), "404");
        String operator = console("GET", "/agency/collections", "admin-s");
        assertTrue(operator.startsWith("HTTP/1.1 403"), "an admin reads the centre's collections at /admin: " + operator);
    }
}
