package org.khidmat.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback for tests that stands for a balancer or a NAT dropping a connection without a word: after
 * {@link #silence()}, the connections open at that moment stay open but carry nothing either way (no reset, no FIN),
 * while connections made later are carried as before.
 */
final class SilentProxy implements AutoCloseable {
    /** One client connection and its two directions. */
    private static final class Link {
        final Socket client;
        final Socket server;
        volatile boolean silent;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }
    }

    private final ServerSocket listening;
    private final String host;
    private final int port;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Carries connections to {@code host:port} from a port of its own on 127.0.0.1. */
    SilentProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "silent-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** @return the port to connect to instead of the server's */
    int port() {
        return listening.getLocalPort();
    }

    /** From now on, the connections open now carry nothing and say nothing; new ones are carried. */
    void silence() {
        links.forEach(l -> l.silent = true);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(host, port);
                Link link = new Link(client, server);
                links.add(link);
                pump(link, client.getInputStream(), server.getOutputStream());
                pump(link, server.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the test proxy failed", e);
                }
            }
        }
    }

    /** Copies bytes until the link is silenced: then holds them back, reads nothing more and closes nothing. */
    private static void pump(Link link, InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while (!link.silent && (n = in.read(buffer)) >= 0) {
                    if (link.silent) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed: the link ends
            }
        }, "silent-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listening.close();
        for (Link l : links) {
            l.client.close();
            l.server.close();
        }
    }
}
