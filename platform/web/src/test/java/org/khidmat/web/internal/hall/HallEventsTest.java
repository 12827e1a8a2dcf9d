package org.khidmat.web.internal.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.QueueToken;

/**
 * The hall display's event stream against a Jetty server on a free loopback port: the board at connection, a push
 * after each change to every stream from one queue listener, keep-alive comments, and streams that end when the
 * events are closed (as the web server stops) or are dropped when their client goes.
 */
class HallEventsTest {
    private static final Instant NINE = Instant.parse("2026-01-05T04:00:00Z");
    private final FakeQueue queue = new FakeQueue();
    private final List<Socket> sockets = new ArrayList<>();
    private Server server;
    private ServerConnector connector;
    private HallEvents events;

    private void start(Duration keepAlive) throws Exception {
        events = new HallEvents(queue, () -> HallBoard.of(queue.today(), Map.of()), keepAlive);
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(events);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (events != null) {
            events.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static QueueToken called(long id, String number, int counter) {
        return FakeQueue.token(id, number, "identity", QueueToken.CALLED, counter, NINE, NINE.plusSeconds(id), null);
    }

    private InputStream connect() throws IOException {
        Socket s = new Socket("127.0.0.1", connector.getLocalPort());
        sockets.add(s);
        s.setSoTimeout(200);
        s.getOutputStream().write(("GET " + HallEvents.PATH + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return s.getInputStream();
    }

    /** Reads until the text has arrived (or the stream ended); returns all read. */
    private static String readUntil(InputStream in, String wanted, Duration limit) throws IOException {
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[4096];
        long end = System.nanoTime() + limit.toNanos();
        while (!got.toString().contains(wanted) && System.nanoTime() < end) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // nothing yet
            }
        }
        return got.toString();
    }

    private static boolean ended(InputStream in, Duration limit) throws IOException {
        long end = System.nanoTime() + limit.toNanos();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < end) {
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            }
        }
        return false;
    }

    @Test
    void aStreamStartsWithTheBoardAndGetsEachCallPushed() throws Exception {
        queue.today = List.of(called(1, "A-001", 2));
        start(Duration.ofMinutes(1));
        InputStream in = connect();
        String first = readUntil(in, "A-001", Duration.ofSeconds(5));
        assertTrue(first.startsWith("HTTP/1.1 200"), first);
        assertTrue(first.toLowerCase().contains("content-type: text/event-stream"), first);
        assertTrue(first.contains("retry: 3000\n") && first.contains("event: calls\n"), first);

        queue.change(List.of(called(1, "A-001", 2), called(2, "B-007", 3)));
        String pushed = readUntil(in, "B-007", Duration.ofSeconds(5));
        assertTrue(pushed.contains("\"calls\":[{\"number\":\"B-007\",\"counter\":3"), "the newest first: " + pushed);
    }

    @Test
    void oneQueueListenerServesEveryStream() throws Exception {
        start(Duration.ofMinutes(1));
        List<InputStream> streams = List.of(connect(), connect(), connect());
        for (InputStream in : streams) {
            readUntil(in, "\"waiting\":0", Duration.ofSeconds(5));
        }
        assertEquals(1, queue.listeners.size());
        queue.change(List.of(called(9, "C-042", 6)));
        for (InputStream in : streams) {
            assertTrue(readUntil(in, "C-042", Duration.ofSeconds(5)).contains("C-042"));
        }
    }

    @Test
    void idleStreamsGetKeepAliveComments() throws Exception {
        start(Duration.ofMillis(200));
        InputStream in = connect();
        assertTrue(readUntil(in, ": keep-alive\n\n", Duration.ofSeconds(5)).contains(": keep-alive\n\n"));
    }

    @Test
    void closingEndsEveryStreamAndStopsListening() throws Exception {
        start(Duration.ofMinutes(1));
        InputStream a = connect();
        InputStream b = connect();
        readUntil(a, "\"waiting\":0", Duration.ofSeconds(5));
        readUntil(b, "\"waiting\":0", Duration.ofSeconds(5));
        events.close();
        String rest = readUntil(a, "0\r\n\r\n", Duration.ofSeconds(5));
        assertTrue(rest.endsWith("0\r\n\r\n"), "the chunked response ends: " + rest);
        assertTrue(readUntil(b, "0\r\n\r\n", Duration.ofSeconds(5)).endsWith("0\r\n\r\n"));
        assertTrue(queue.listeners.isEmpty());
        assertEquals(0, events.open());
        String refused = readUntil(connect(), "\r\n\r\n", Duration.ofSeconds(5));
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
    }

    @Test
    void aStreamWhoseClientWentIsDropped() throws Exception {
        start(Duration.ofMillis(100));
        readUntil(connect(), "\"waiting\":0", Duration.ofSeconds(5));
        assertEquals(1, events.open());
        sockets.get(0).close();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.open() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(0, events.open(), "the keep-alive finds the closed connection");
    }
}
