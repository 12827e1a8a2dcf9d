package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * About 200 connections sending their bodies a byte every few seconds held every thread and the centre stopped
 * answering. Here 200 such connections come from 127.0.0.1 while a citizen at 127.0.0.2 is still answered; beyond
 * {@link ServerSetup#PER_ADDRESS} they are closed at once, and the rest when their body's deadline passes.
 */
class SlowClientsTest {
    private static final int ATTACKERS = 200;

    @Test
    void slowBodiesFromOneAddressDoNotStopTheServer() throws Exception {
        Handler reads = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (Exchange.isPost(request)) {
                    Exchange.body(request);
                }
                Http.html(response, callback, 200, "answered");
                return true;
            }
        };
        List<Socket> slow = new ArrayList<>();
        try (TestServer server = new TestServer(reads, null, ServerSetup.PER_ADDRESS)) {
            try {
                for (int i = 0; i < ATTACKERS; i++) {
                    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.port, InetAddress.getByName("127.0.0.1"), 0);
                    s.setSoTimeout(100);
                    s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                            + "\r\nContent-Length: 1000\r\n\r\nu").getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                long started = System.nanoTime();
                int open = ATTACKERS;
                boolean answered = false;
                // a byte to each connection every 2 s, for at most 25 s: under the body's idle timeout, over its deadline
                while (System.nanoTime() - started < 25_000_000_000L && open > 0) {
                    if (!answered) {
                        String a = server.raw("127.0.0.2", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                        assertTrue(a.startsWith("HTTP/1.1 200") && a.endsWith("answered"), "a citizen is answered: " + a);
                        answered = true;
                    }
                    open = 0;
                    for (Socket s : slow) {
                        if (!s.isClosed() && alive(s)) {
                            open++;
                        }
                    }
                    Thread.sleep(2_000);
                }
                assertTrue(answered);
                assertEquals(0, open, "every slow connection was closed by the server within 25 s");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** Writes a byte; @return false once the server has closed the connection */
    private static boolean alive(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
            try {
                if (s.getInputStream().read() < 0) {
                    s.close();
                    return false;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                return true;
            }
            s.close(); // the server answered (an error) and will close: counted as ended
            return false;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing an ended socket
            }
            return false;
        }
    }
}
