import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * The baseline for reads: a bare Jetty 12 server (the same jars as the centre's lib/) with one handler that
 * answers each known path with the exact bytes and content type the centre answered it with, on another loopback
 * port. What the centre costs beyond this is its own work: routing, headers, the catalogue, rendering. A request with a
 * body (a POST: a form, JSON) has its whole body read first, as the centre reads it, then the same fixed answer, so
 * that it can stand in for a POST row too (the floor of the Java client's rows in {@link Pages}).
 */
final class BareJetty implements AutoCloseable {
    /** One answer: its bytes and content type. */
    record Page(byte[] bytes, String contentType) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    BareJetty(Map<String, Page> pages) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Page page = pages.get(request.getHttpURI().getPathQuery());
                if (page == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                if (request.getLength() == 0 || "GET".equals(request.getMethod())) {
                    answer(page, response, callback);
                } else {
                    // the whole body read (up to 1 MB), then the answer: a POST costs the floor what reading it costs
                    Content.Source.asByteArrayAsync(request, 1 << 20, Promise.Invocable.from(
                            Invocable.InvocationType.NON_BLOCKING, body -> answer(page, response, callback),
                            callback::failed));
                }
                return true;
            }
        });
        server.start();
    }

    private static void answer(Page page, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.bytes().length);
        response.write(true, ByteBuffer.wrap(page.bytes()), callback);
    }

    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
