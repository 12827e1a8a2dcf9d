package org.khidmat.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.khidmat.api.platform.Accounts;

/** The centre's server set up as {@link JettyBoot} does ({@link ServerSetup}), on a free loopback port, for tests. */
public final class TestServer implements AutoCloseable {
    public final Server server;
    public final int port;

    public TestServer(Handler handler, TrustedProxies proxies, int perAddress) throws Exception {
        server = ServerSetup.create(new ServerSetup.Options("127.0.0.1", 0, proxies, perAddress));
        server.setHandler(new SecurityHeaders(handler));
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Sends raw bytes from a loopback address of the test's choice and reads the answer's head and body. */
    public String raw(String from, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            return read(s.getInputStream());
        }
    }

    static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An accounts service that knows no session and no token. */
    public static Accounts noAccounts() {
        return (Accounts) Proxy.newProxyInstance(TestServer.class.getClassLoader(), new Class<?>[] {Accounts.class},
                (proxy, method, args) -> method.getReturnType() == Optional.class ? Optional.empty() : null);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
