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

/**
 * {@code GET /assets/khidmat.css}, the one style sheet, and {@code GET /assets/display.js}, the hall display's one
 * script: served from the bundle so the CSP can forbid inline styles and scripts. Every page works without the script.
 */
final class Assets extends Handler.Abstract {
    static final String CSS_PATH = "/assets/khidmat.css";
    static final String DISPLAY_JS_PATH = "/assets/display.js";
    static final String COUNTER_JS_PATH = "/assets/counter.js";

    private static final class Css {
        static final byte[] BYTES = read("khidmat.css");
    }

    private static final class DisplayJs {
        static final byte[] BYTES = read("display.js");
    }

    private static final class CounterJs {
        static final byte[] BYTES = read("counter.js");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!CSS_PATH.equals(path) && !DISPLAY_JS_PATH.equals(path) && !COUNTER_JS_PATH.equals(path) || !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        boolean css = CSS_PATH.equals(path);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, css ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=3600");
        response.write(true, ByteBuffer.wrap(css ? Css.BYTES : DISPLAY_JS_PATH.equals(path) ? DisplayJs.BYTES : CounterJs.BYTES),
                callback);
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
