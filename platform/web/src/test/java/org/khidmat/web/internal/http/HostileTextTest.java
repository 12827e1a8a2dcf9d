package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.api.StaffApi;
import org.khidmat.web.internal.page.Failures;

/**
 * Text no field may hold (NUL, which PostgreSQL's TEXT refuses deep in the store as a 500; the other C0 controls but
 * tab and line breaks; lone surrogates) is refused at the edge with a 400 that names the field and not the value, in a
 * form body, a query and a JSON body at any depth; tab and line breaks pass.
 */
class HostileTextTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Handler echo = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (path.equals("/api/v1/login")) {
                    return false;
                }
                if (path.equals("/api/echo")) {
                    try {
                        Http.json(response, callback, 200, JsonIn.object(Exchange.body(request)).size());
                    } catch (JsonIn.BadJson e) {
                        Http.error(response, callback, 400, e.getMessage());
                    }
                    return true;
                }
                int fields = Exchange.isPost(request) ? Exchange.form(request).size() : Exchange.query(request).size();
                Http.html(response, callback, 200, "fields=" + fields);
                return true;
            }
        };
        Handler.Sequence both = new Handler.Sequence(echo, new StaffApi(new Gate(TestServer::noAccounts), null, null));
        server = new TestServer(new Failures(both), null, 50); // as the centre: a BadJson is a 400
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String post(String path, String type, String body) throws Exception {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return server.raw("127.0.0.1", new String(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type
                + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
    }

    private static void refused(String answer, String words) {
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains(words), "names the field and the character: " + answer);
        assertFalse(answer.contains("Khan") || answer.contains("secret"), "never the value: " + answer);
    }

    @Test
    void aNulInAFormFieldIs400NamingTheField() throws Exception {
        refused(post("/counter/file", "application/x-www-form-urlencoded", "service=a&fullName=Ali%00Khan"),
                "'fullName' holds a NUL character (U+0000)");
        refused(post("/counter/file", "application/x-www-form-urlencoded", "note=a%07Khan"),
                "'note' holds a control character (U+0007)");
        refused(post("/counter/file", "application/x-www-form-urlencoded", "na%00me=Khan"),
                "a field's name holds a NUL character (U+0000)");
    }

    @Test
    void aControlCharacterInAQueryIs400() throws Exception {
        refused(server.raw("127.0.0.1", "GET /admin/audit?q=Khan%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                "'q' holds a NUL character (U+0000)");
    }

    @Test
    void tabsAndLineBreaksOfAMultiLineFieldPass() throws Exception {
        String a = post("/counter/file", "application/x-www-form-urlencoded", "address=House%201%0D%0AStreet%092&x=%C3%A9%F0%9F%98%80");
        assertTrue(a.startsWith("HTTP/1.1 200") && a.contains("fields=2"), a);
        String j = post("/api/echo", "application/json", "{\"address\":\"House 1\\r\\nStreet\\t2\",\"name\":\"\\ud83d\\ude00\"}");
        assertTrue(j.startsWith("HTTP/1.1 200"), j);
    }

    @Test
    void aNulOrALoneSurrogateInJsonIs400NamingTheFieldAtAnyDepth() throws Exception {
        refused(post("/api/echo", "application/json", "{\"answers\":{\"fullName\":\"Ali\\u0000Khan\"}}"),
                "'answers.fullName' holds a NUL character (U+0000)");
        refused(post("/api/echo", "application/json", "{\"answers\":{\"phones\":[\"1\",\"Khan\\ud800\"]}}"),
                "'answers.phones[1]' holds half of a character (a lone surrogate, U+D800)");
        refused(post("/api/echo", "application/json", "{\"a\\u0001\":\"Khan\"}"),
                "a name in the body holds a control character (U+0001)");
    }

    @Test
    void theJsonLoginWithANulIs400NotALoginAttempt() throws Exception {
        refused(post("/api/v1/login", "application/json", "{\"username\":\"ad\\u0000min\",\"password\":\"secret\"}"),
                "'username' holds a NUL character (U+0000)");
    }
}
