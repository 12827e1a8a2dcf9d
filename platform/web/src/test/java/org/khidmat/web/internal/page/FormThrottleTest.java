package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class FormThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FormThrottle throttle = new FormThrottle(null, 6, now::get, r -> false);

    @Test
    void anAddressGetsItsMinutesWorthThenWaitsForTheRefill() {
        for (int i = 0; i < 6; i++) {
            assertEquals(0, throttle.take("10.0.0.7"), "request " + (i + 1));
        }
        assertEquals(10, throttle.take("10.0.0.7"), "6 a minute: one every 10 s");
        assertEquals(0, throttle.take("10.0.0.8"), "another address is not held back");
        now.addAndGet(5_000_000_000L);
        assertEquals(5, throttle.take("10.0.0.7"), "half a token after 5 s");
        now.addAndGet(5_000_000_000L);
        assertEquals(0, throttle.take("10.0.0.7"));
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, throttle.take("10.0.0.7"), "an hour later the bucket is full, not fuller");
        }
        assertTrue(throttle.take("10.0.0.7") > 0);
    }

    @Test
    void aNewLimitIsTakenWithoutARestart() {
        FormThrottle throttle = new FormThrottle(null, 2, now::get, r -> false);
        assertEquals(0, throttle.take("10.0.0.7"));
        assertEquals(0, throttle.take("10.0.0.7"));
        assertTrue(throttle.take("10.0.0.7") > 0, "2 a minute");
        throttle.limit(5);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, throttle.take("10.0.0.7"), "5 a minute now: request " + (i + 1));
        }
        assertEquals(12, throttle.take("10.0.0.7"), "one every 12 s");
    }

    @Test
    void aMadeUpSessionCookieOrBearerHeaderIsThrottledLikeAnyPublicPost() throws Exception {
        Handler ok = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Http.html(response, callback, 200, "ok");
                return true;
            }
        };
        FormThrottle throttle = new FormThrottle(ok, 2, System::nanoTime,
                FormThrottle.validCredential(new Gate(TestServer::noAccounts)));
        try (TestServer server = new TestServer(throttle, null, 50)) {
            for (String credential : new String[] {"Cookie: khidmat_session=made-up", "Authorization: Bearer kh_guess"}) {
                String from = credential.startsWith("Cookie") ? "127.0.0.3" : "127.0.0.4";
                for (int i = 0; i < 2; i++) {
                    assertTrue(post(server, from, "/track", credential).startsWith("HTTP/1.1 200"), credential + " " + i);
                }
                assertTrue(post(server, from, "/track", credential).startsWith("HTTP/1.1 429"), credential);
            }
            for (int i = 0; i < FormThrottle.LOGIN_BURST; i++) {
                assertTrue(post(server, "127.0.0.5", "/api/v1/login", "X-Try: " + i).startsWith("HTTP/1.1 200"), "login " + i);
            }
            String held = post(server, "127.0.0.5", "/api/v1/login", "X-Try: over");
            assertTrue(held.startsWith("HTTP/1.1 429") && held.contains("Retry-After"), "logins have a throttle: " + held);
        }
    }

    @Test
    void theRefusalSaysHowLongToWaitWithTheRightPluralInEachLanguage() throws Exception {
        Handler ok = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Http.html(response, callback, 200, "ok");
                return true;
            }
        };
        // the clock stands still: 60 a minute is one every second, so the 61st post waits 1 s
        FormThrottle throttle = new FormThrottle(ok, 60, now::get, r -> false);
        try (TestServer server = new TestServer(throttle, null, 50)) {
            for (int i = 0; i < 60; i++) {
                assertTrue(post(server, "127.0.0.6", "/track", "X-Try: " + i).startsWith("HTTP/1.1 200"), "post " + i);
            }
            String en = post(server, "127.0.0.6", "/track", "X-Try: over");
            assertTrue(en.startsWith("HTTP/1.1 429") && en.contains("<html lang=\"en\" dir=\"ltr\">"), en);
            assertTrue(en.contains("Please try again in 1 second.") && !en.contains("1 seconds"), en);
            String ur = post(server, "127.0.0.6", "/track?lang=ur", "X-Try: over");
            assertTrue(ur.startsWith("HTTP/1.1 429") && ur.contains("<html lang=\"ur\" dir=\"rtl\">"), ur);
            assertTrue(ur.contains("<h1 id=\"too-many\">بہت زیادہ درخواستیں</h1>") && ur.contains("1 سیکنڈ بعد"), ur);
        }
    }

    private static String post(TestServer server, String from, String path, String header) throws Exception {
        return server.raw(from, "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
    }
}
