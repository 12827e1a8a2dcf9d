package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * {@link Exchange#body} takes a body that has arrived whole at once and waits, guarded, for one still coming: both
 * give the whole body, in UTF-8, and neither more than {@link Exchange#BODY_LIMIT}.
 */
class ExchangeBodyTest {
    private static final Handler ECHO = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            try {
                Http.html(response, callback, 200, "[" + Exchange.body(request) + "]");
            } catch (Exchange.TooLarge e) {
                Http.html(response, callback, 413, "too large");
            }
            return true;
        }
    };

    @Test
    void aBodyThatArrivedWholeIsReadWhole() throws Exception {
        String body = "{\"name\":\"آسان خدمت\"}";
        try (TestServer server = new TestServer(ECHO, null, ServerSetup.PER_ADDRESS)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String a;
            try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write((post(bytes.length, "")).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(bytes);
                s.getOutputStream().flush();
                a = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(a.startsWith("HTTP/1.1 200") && a.endsWith("[" + body + "]"), a);
        }
    }

    @Test
    void aBodyStillComingIsWaitedForAndReadWhole() throws Exception {
        try (TestServer server = new TestServer(ECHO, null, ServerSetup.PER_ADDRESS);
                Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write((post(10, "") + "first").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(300); // the handler has read "first" and waits for the rest
            s.getOutputStream().write("-last".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.shutdownOutput();
            String a = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(a.startsWith("HTTP/1.1 200") && a.endsWith("[first-last]"), a);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeWhetherArrivedOrComing() throws Exception {
        String chunk = "x".repeat(Exchange.BODY_LIMIT / 2 + 1);
        String chunks = Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n";
        try (TestServer server = new TestServer(ECHO, null, ServerSetup.PER_ADDRESS)) {
            String a = server.raw("127.0.0.1", post(-1, "") + chunks + chunks + "0\r\n\r\n");
            assertTrue(a.startsWith("HTTP/1.1 413"), a);
            String under = server.raw("127.0.0.1", post(-1, "") + chunks + "0\r\n\r\n");
            assertTrue(under.startsWith("HTTP/1.1 200") && under.endsWith("[" + chunk + "]"), under.substring(0, 40));
        }
    }

    private static String post(int length, String extra) {
        return "POST /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + extra + "\r\n";
    }

}
