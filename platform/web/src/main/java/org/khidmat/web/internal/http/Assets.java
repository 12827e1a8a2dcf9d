package org.khidmat.web.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The front's files, served from the bundle so the CSP can forbid inline styles and scripts: {@code khidmat.css}, the
 * one style sheet; {@code display.js}, the hall display's one script (every page works without it); the Urdu web
 * font (Noto Nastaliq Urdu, SIL Open Font License, {@code nastaliq-LICENSE.txt}), which the browser fetches only
 * for a page with Urdu text, so Urdu reads in Nastaliq on any phone; and the icon ({@code /favicon.ico} redirects
 * to it, for browsers that ask before reading the page); and {@link #BRAND_CSS_PATH}, the header in the
 * colour its address names ({@code ?c=01411c}: the centre's, written by the page's brand).
 */
public final class Assets extends Handler.Abstract {
    public static final String CSS_PATH = "/assets/khidmat.css";
    public static final String DISPLAY_JS_PATH = "/assets/display.js";
    public static final String COUNTER_JS_PATH = "/assets/counter.js";
    public static final String ICON_PATH = "/assets/favicon.svg";
    public static final String BRAND_CSS_PATH = "/assets/brand.css";
    public static final String DEFAULT_COLOUR = "#01411c";
    /** A colour as {@code #rrggbb} (compiled once: every citizen page's frame asks). */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Map<String, String[]> FILES = Map.of(
            CSS_PATH, new String[] {"khidmat.css", "text/css; charset=utf-8", "public, max-age=3600"},
            DISPLAY_JS_PATH, new String[] {"display.js", "text/javascript; charset=utf-8", "public, max-age=3600"},
            COUNTER_JS_PATH, new String[] {"counter.js", "text/javascript; charset=utf-8", "public, max-age=3600"},
            ICON_PATH, new String[] {"favicon.svg", "image/svg+xml", "public, max-age=86400"},
            "/assets/nastaliq-400.woff2", new String[] {"nastaliq-400.woff2", "font/woff2", "public, max-age=31536000, immutable"},
            "/assets/nastaliq-700.woff2", new String[] {"nastaliq-700.woff2", "font/woff2", "public, max-age=31536000, immutable"},
            "/assets/nastaliq-LICENSE.txt", new String[] {"nastaliq-LICENSE.txt", "text/plain; charset=utf-8", "public, max-age=86400"});
    private static final Map<String, byte[]> READ = new ConcurrentHashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (BRAND_CSS_PATH.equals(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/css; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.write(true, ByteBuffer.wrap(brandCss(brandColour("#" + Exchange.query(request).get("c")))), callback);
            return true;
        }
        String[] file = FILES.get(path);
        if (file == null && !"/favicon.ico".equals(path) || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        if (file == null) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, ICON_PATH);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=86400");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file[1]);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, file[2]);
        response.write(true, ByteBuffer.wrap(READ.computeIfAbsent(file[0], Assets::read)), callback);
        return true;
    }

    /** @return the colour when it is {@code #rrggbb}, else the default */
    public static String brandColour(String colour) {
        return colour != null && COLOUR.matcher(colour).matches() ? colour : DEFAULT_COLOUR;
    }

    /** @return the brand style sheet: the header in the brand colour */
    static byte[] brandCss(String colour) {
        return ("header{background:" + colour + "}\n.hall h1 .centre{border-bottom:.2em solid " + colour + "}\n"
                + "header img.logo{vertical-align:middle;max-height:2rem;width:auto}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
