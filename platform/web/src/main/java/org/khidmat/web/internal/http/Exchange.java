package org.khidmat.web.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/** Reading requests (bounded bodies, form fields, query, cookies) and the redirect of POST-redirect-GET. */
public final class Exchange {
    /** Largest request body the centre reads. */
    static final int BODY_LIMIT = 64 * 1024;
    /** The slowest a request body may arrive, on average, beyond {@link #BODY_GRACE_MS}. */
    static final int MIN_BYTES_PER_SECOND = 4096;
    /** Time any body has, besides its length at {@link #MIN_BYTES_PER_SECOND}. */
    static final long BODY_GRACE_MS = 10_000;
    /** Longest pause between two parts of a body. */
    static final long BODY_IDLE_MS = 5_000;

    private Exchange() {
    }

    /** The body was larger than {@link #BODY_LIMIT}. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the request body is larger than " + BODY_LIMIT / 1024 + " KB", null, false, false);
        }
    }

    /**
     * Reads the body, at most {@link #BODY_LIMIT} bytes. A body must keep coming: with no byte for
     * {@link #BODY_IDLE_MS}, or not all there by {@link #BODY_GRACE_MS} plus its length at {@link #MIN_BYTES_PER_SECOND},
     * the connection is closed and the request fails, so a client sending a byte every few seconds holds a thread for
     * seconds, not for ever. A body that has already arrived whole (most do: a form or a filing comes in the packets
     * of its head) is taken without that guard, whose timers cost a tenth of a filing's HTTP time.
     */
    public static String body(Request request) throws IOException, TooLarge {
        long length = request.getLength();
        if (length > BODY_LIMIT) {
            throw new TooLarge();
        }
        Arrived arrived = new Arrived(length);
        if (arrived.readAll(request)) {
            return arrived.text();
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long idle = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(idle > 0 ? Math.min(idle, BODY_IDLE_MS) : BODY_IDLE_MS);
        long allowed = BODY_GRACE_MS + (length < 0 ? BODY_LIMIT : length) * 1000 / MIN_BYTES_PER_SECOND;
        AtomicBoolean late = new AtomicBoolean();
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
            late.set(true);
            endPoint.close(new TimeoutException("request body too slow"));
        }, allowed, TimeUnit.MILLISECONDS);
        try (InputStream in = Content.Source.asInputStream(request)) {
            arrived.add(in.readNBytes(BODY_LIMIT + 1 - arrived.size()));
            return arrived.text();
        } catch (IOException e) {
            if (late.get()) {
                throw new HttpException.RuntimeException(408, "the request body arrived too slowly");
            }
            throw e;
        } finally {
            deadline.cancel();
            if (!late.get()) {
                endPoint.setIdleTimeout(idle);
            }
        }
    }

    /** The part of a body read so far, at most {@link #BODY_LIMIT} bytes. */
    private static final class Arrived {
        private byte[] bytes;
        private int size;

        Arrived(long length) {
            bytes = new byte[length < 0 ? 1024 : (int) length];
        }

        /** Reads what has arrived, without waiting; @return whether that was the whole body */
        boolean readAll(Request request) throws IOException, TooLarge {
            for (Content.Chunk chunk = request.read(); chunk != null; chunk = request.read()) {
                try {
                    if (Content.Chunk.isFailure(chunk)) {
                        Throwable failure = chunk.getFailure();
                        throw failure instanceof IOException io ? io : new IOException(failure);
                    }
                    ByteBuffer b = chunk.getByteBuffer();
                    int n = b.remaining();
                    if (size + n > BODY_LIMIT) {
                        throw new TooLarge();
                    }
                    room(n);
                    b.get(bytes, size, n);
                    size += n;
                    if (chunk.isLast()) {
                        return true;
                    }
                } finally {
                    chunk.release();
                }
            }
            return false;
        }

        /** Adds bytes read later; more than {@link #BODY_LIMIT} in all is too large. */
        void add(byte[] more) throws TooLarge {
            if (size + more.length > BODY_LIMIT) {
                throw new TooLarge();
            }
            room(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        int size() {
            return size;
        }

        String text() {
            return new String(bytes, 0, size, StandardCharsets.UTF_8);
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(size + n, Math.min(BODY_LIMIT, bytes.length * 2)));
            }
        }
    }

    /**
     * @return the fields of an {@code application/x-www-form-urlencoded} body, in order; the last value wins
     * @throws HostileText.Refused (a 400 naming the field) when a field holds what no field may ({@link HostileText})
     */
    public static Map<String, String> form(Request request) throws IOException, TooLarge {
        return decode(body(request));
    }

    /** @throws HostileText.Refused (a 400 naming the field) when a field holds what no field may ({@link HostileText}) */
    public static Map<String, String> query(Request request) {
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
        HostileText.check(out);
        return out;
    }

    public static String cookie(Request request, String name) {
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

    public static void setCookie(Response response, String name, String value, int maxAgeSeconds) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax");
    }

    public static void redirect(Response response, Callback callback, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /**
     * @return the part of {@code path} between a prefix and a suffix it was matched against, or {@code ""} when they
     *         overlap ({@code /api/v1/agency/applications}): never an exception from a path anyone can send
     */
    public static String between(String path, String prefix, String suffix) {
        return path.length() < prefix.length() + suffix.length() ? "" : path.substring(prefix.length(), path.length() - suffix.length());
    }

    public static boolean isPost(Request request) {
        return "POST".equals(request.getMethod());
    }
}
