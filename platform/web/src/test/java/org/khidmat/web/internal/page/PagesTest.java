package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.web.Answer;
import org.khidmat.api.web.Page;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.http.Standby;
import org.khidmat.web.internal.http.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whiteboard ({@link Pages}), a route table ({@link RouteTable}) and a stand-in for a service that is away
 * ({@link Standby}), each behind {@link Failures} on a real server on port 0.
 */
class PagesTest {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String get(String path) throws Exception {
        return server.raw("127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aPageIsServedAtItsTemplateUntilItLeavesThenItsPathsAnswer503() throws Exception {
        Pages pages = new Pages(new Gate(TestServer::noAccounts));
        server = new TestServer(new Failures(pages), null, 50);
        Page notice = ask -> Answer.page(200, "Notice", "<h1 id=\"n\">" + ask.parameter("id") + "</h1>");
        assertTrue(get("/notices/7").startsWith("HTTP/1.1 404"), "nothing answers before the page comes");

        pages.add("one", notice, Map.of(Page.PATH, new String[] {"/notices/{id}"}));
        String served = get("/notices/7?lang=ur");
        assertTrue(served.startsWith("HTTP/1.1 200"), served);
        assertTrue(served.contains("<h1 id=\"n\">7</h1>") && served.contains("dir=\"rtl\""), served);
        String post = server.raw("127.0.0.1", "POST /notices/7 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405") && post.contains("Allow: GET, HEAD"), post);

        pages.remove("one");
        String gone = get("/notices/7");
        assertTrue(gone.startsWith("HTTP/1.1 503") && gone.contains("Retry-After: 5"), gone);
        assertTrue(gone.contains("This page is not available") && gone.contains("دستیاب نہیں"), gone);
        assertTrue(get("/other").startsWith("HTTP/1.1 404"), "a path no page ever had is no 503");

        pages.add("two", notice, Map.of(Page.PATH, "/notices/{id}"));
        assertTrue(get("/notices/8").startsWith("HTTP/1.1 200"), "a page that comes back takes its paths again");
    }

    @Test
    void aStaffPageAsksForALoginAndAnApiPageFor401() throws Exception {
        Pages pages = new Pages(new Gate(TestServer::noAccounts));
        server = new TestServer(new Failures(pages), null, 50);
        pages.add("staff", ask -> Answer.text(200, "secret"), Map.of(Page.PATH, "/admin/secret", Page.ROLE, "ADMIN"));
        pages.add("api", ask -> Answer.json(200, "{}"), Map.of(Page.PATH, "/api/v1/secret", Page.ROLE, "admin"));
        String page = get("/admin/secret");
        assertTrue(page.startsWith("HTTP/1.1 303") && page.contains("Location: /login"), page);
        assertTrue(get("/api/v1/secret").startsWith("HTTP/1.1 401"));
    }

    @Test
    void aStandInAnswers503InBothLanguagesOnlyOnThePagesThatCallIt() throws Exception {
        Appointments away = Standby.of(Appointments.class, () -> null, "Appointments are not available at the moment.",
                "اس وقت ملاقات کا وقت لینے کی سہولت دستیاب نہیں۔");
        Handler routes = new RouteTable((rq, rs, cb) -> Http.error(rs, cb, 405, "no"))
                .route("/book", RouteTable.GET, (rq, rs, cb, at) -> Http.json(rs, cb, 200, away.days()))
                .route("/", RouteTable.GET, (rq, rs, cb, at) -> Http.html(rs, cb, 200, "catalogue"))
                .route("/api/v1/book", RouteTable.GET, (rq, rs, cb, at) -> Http.json(rs, cb, 200, away.days()));
        server = new TestServer(new Failures(routes), null, 50);
        String book = get("/book");
        assertTrue(book.startsWith("HTTP/1.1 503"), book);
        assertTrue(book.contains("Appointments are not available at the moment. Please try again in a few minutes."), book);
        assertTrue(book.contains("ملاقات"), book);
        String api = get("/api/v1/book");
        assertTrue(api.startsWith("HTTP/1.1 503") && api.contains("\"error\":\"Appointments are not available"), api);
        String catalogue = get("/");
        assertTrue(catalogue.startsWith("HTTP/1.1 200") && catalogue.endsWith("catalogue"), catalogue);
        assertEquals("standby Appointments", away.toString());
    }

    @Test
    void aTableRoutesExactPathsTemplatesAndPrefixesAndLetsTheRestPass() throws Exception {
        Handler routes = new RouteTable((rq, rs, cb) -> Http.error(rs, cb, 405, "no"))
                .route("/", RouteTable.GET, (rq, rs, cb, at) -> Http.html(rs, cb, 200, "root"))
                .route("/queue/tokens/{id}", RouteTable.GET, (rq, rs, cb, at) -> Http.html(rs, cb, 200, "token " + at.get("id")))
                .route("/appointments/*", RouteTable.GET_POST, (rq, rs, cb, at) -> Http.html(rs, cb, 200, "rest [" + at.get("*") + "]"));
        server = new TestServer(new Handler.Sequence(routes, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Http.html(response, callback, 404, "next");
                return true;
            }
        }), null, 50);
        assertTrue(get("/").endsWith("root"));
        assertTrue(get("/queue/tokens/12").endsWith("token 12"));
        assertTrue(get("/appointments").endsWith("rest []"));
        assertTrue(get("/appointments/nadra.cnic/2026-12-03").endsWith("rest [nadra.cnic/2026-12-03]"));
        assertTrue(get("/elsewhere").endsWith("next"), "a path no route matches goes on");
        String delete = server.raw("127.0.0.1", "DELETE /queue/tokens/12 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(delete.startsWith("HTTP/1.1 405") && delete.contains("Allow: GET, HEAD"), delete);
    }
}
