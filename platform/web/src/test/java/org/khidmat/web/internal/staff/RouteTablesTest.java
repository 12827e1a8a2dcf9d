package org.khidmat.web.internal.staff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.api.StaffApi;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.TestServer;

/**
 * The staff pages and the JSON API route by tables: a known path asked with a method it does not take is a 405 with
 * {@code Allow} (JSON on the API, a console page elsewhere), a path no table has goes on (404), and the login comes
 * before the route on a console (an unknown console path without a session goes to the login).
 */
class RouteTablesTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Gate gate = new Gate(TestServer::noAccounts);
        ConsoleLayout layout = new ConsoleLayout();
        server = new TestServer(new Handler.Sequence(new StaffApi(gate, null, null), new LoginPages(gate, layout),
                new CounterPages(gate, null, null, null, layout)), null, 50);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
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
}
