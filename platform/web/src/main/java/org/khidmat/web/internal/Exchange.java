package org.khidmat.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Reading requests (bounded bodies, form fields, query, cookies) and the redirect of POST-redirect-GET. */
final class Exchange {
    /** Largest request body the centre reads. */
    static final int BODY_LIMIT = 64 * 1024;

    private Exchange() {
    }

    /** The body was larger than {@link #BODY_LIMIT}. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the request body is larger than " + BODY_LIMIT / 1024 + " KB", null, false, false);
        }
    }

    static String body(Request request) throws IOException, TooLarge {
        if (request.getLength() > BODY_LIMIT) {
            throw new TooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(BODY_LIMIT + 1);
            if (bytes.length > BODY_LIMIT) {
                throw new TooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** @return the fields of an {@code application/x-www-form-urlencoded} body, in order; the last value wins */
    static Map<String, String> form(Request request) throws IOException, TooLarge {
        return decode(body(request));
    }

    static Map<String, String> query(Request request) {
        return decode(request.getHttpURI().getQuery());
    }

    static Map<String, String> decode(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed escape: skip the pair
            }
        }
        return out;
    }

    static String cookie(Request request, String name) {
        for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    static void setCookie(Response response, String name, String value, int maxAgeSeconds) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax");
    }

    static void redirect(Response response, Callback callback, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    static boolean isPost(Request request) {
        return "POST".equals(request.getMethod());
    }
}
