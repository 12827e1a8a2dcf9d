package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.TestServer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff API's edges, found from outside: a path cut before the login check made a 500 with the exception's
 * words for anyone; the JSON login took a text/plain body, which any web page can send (login CSRF).
 */
class StaffEdgeTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(new StaffApi(new Gate(TestServer::noAccounts), null, null), null, 50);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aShortStaffPathWithoutLoginIs401NotAnException() throws Exception {
        for (String path : new String[] {"/api/v1/agency/applications", "/api/v1/agency/nadra/applications"}) {
            String a = server.raw("127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(a.startsWith("HTTP/1.1 401"), path + ": " + a);
            assertFalse(a.contains("Exception") || a.contains("begin "), a);
        }
        String move = server.raw("127.0.0.1", "POST /api/v1/applications/moves HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(move.startsWith("HTTP/1.1 401"), move);
    }

    @Test
    void theJsonLoginTakesApplicationJsonOnly() throws Exception {
        String body = "{\"username\":\"admin\",\"password\":\"x\"}";
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonp"}) {
            String a = server.raw("127.0.0.1", "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertTrue(a.startsWith("HTTP/1.1 415"), type + ": " + a);
            assertTrue(a.contains("send the login as Content-Type: application/json"), a);
        }
    }
}
