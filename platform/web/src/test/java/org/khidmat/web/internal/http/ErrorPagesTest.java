package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jetty's own 400, 431 and 500 answers carried none of the security headers, and a 500 showed the exception's class
 * and message. Every error answer now has a fixed sentence, the headers and no trace.
 */
class ErrorPagesTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new StringIndexOutOfBoundsException("begin 15, end 14, length 27 secret-detail");
            }
        }, null, 50);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void fixed(String answer, String status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.contains("Content-Security-Policy: default-src 'self'"), "the headers: " + answer);
        assertTrue(answer.contains("X-Frame-Options: DENY") && answer.contains("X-Content-Type-Options: nosniff"), answer);
        assertFalse(answer.contains("secret-detail") || answer.contains("Exception") || answer.contains("at org."),
                "no exception, message or stack: " + answer);
    }

    @Test
    void aHandlersExceptionIsAFixed500() throws Exception {
        String page = server.raw("127.0.0.1", "GET /admin/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        fixed(page, "500");
        assertTrue(page.contains("Something went wrong on our side"), page);
        String api = server.raw("127.0.0.1", "GET /api/v1/agency/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        fixed(api, "500");
        assertTrue(api.contains("{\"status\":500,\"error\":\"Something went wrong on our side. Please try again.\"}"), api);
    }

    @Test
    void aRequestJettyCannotReadIsAFixed400() throws Exception {
        fixed(server.raw("127.0.0.1", "GET / HTTP/1.1\r\nHost: x\r\nBad<script>Header\r\n\r\n"), "400");
    }

    @Test
    void headersTooLargeAreAFixed431() throws Exception {
        fixed(server.raw("127.0.0.1", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), "431");
    }
}
