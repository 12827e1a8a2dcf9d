package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refusal written before the request's body was read: when the body has not all arrived, the answer says
 * {@code Connection: close}, so a client does not send its next request on a connection Jetty is about to close
 * (seen as "header parser received no bytes" in the JDK's client). With the body all there, the connection stays.
 */
class RefusalConnectionTest {
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Http.error(response, callback, 403, "not for you");
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aRefusalBeforeTheBodyArrivedClosesTheConnectionAndSaysSo() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /api/v1/services/x/disable HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = head(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 403"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close"), head);
        }
    }

    @Test
    void aRefusalOfAWholeRequestKeepsTheConnection() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            String body = "{\"reason\":\"no\"}";
            String request = "POST /api/v1/services/x/disable HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String first = head(s.getInputStream());
            assertTrue(first.startsWith("HTTP/1.1 403"), first);
            assertFalse(first.toLowerCase(Locale.ROOT).contains("connection: close"), first);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String second = head(s.getInputStream());
            assertEquals("HTTP/1.1 403 Forbidden", second.lines().findFirst().orElse(""), "the same connection answers again");
        }
    }

    /** Reads one response's head and its Content-Length body, leaving the stream at the next response. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        String head = out.toString(StandardCharsets.US_ASCII);
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return head;
    }
}
