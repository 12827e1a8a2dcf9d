import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline for reads: a bare Jetty 12 server (the same jars as the centre's lib/) with one handler that
 * answers each known path with the exact bytes and content type the centre answered it with, on another loopback
 * port. What the centre costs beyond this is its own work: routing, headers, the catalogue, rendering.
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
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.bytes().length);
                response.write(true, ByteBuffer.wrap(page.bytes()), callback);
                return true;
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
