package org.khidmat.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /assets/khidmat.css}: the one style sheet, served from the bundle so the CSP can forbid inline styles. */
final class Assets extends Handler.Abstract {
    static final String CSS_PATH = "/assets/khidmat.css";

    private static final class Holder {
        static final byte[] CSS = read("khidmat.css");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!CSS_PATH.equals(Request.getPathInContext(request)) || !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/css; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=3600");
        response.write(true, ByteBuffer.wrap(Holder.CSS), callback);
        return true;
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
