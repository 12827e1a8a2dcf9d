package org.khidmat.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer made once and sent many times: the body plain and gzipped, each with a strong ETag taken from its bytes
 * (so every node of a centre gives the same tag for the same bytes). {@link #send} answers 304 to an
 * {@code If-None-Match} that names the tag, and gzip only to a client that accepts it.
 *
 * @param plain the body as it is
 * @param gzip the body gzipped
 * @param etag the plain body's tag, quoted
 * @param gzipEtag the gzipped body's tag, quoted
 * @param type the content type
 * @param cacheControl the {@code Cache-Control} value
 * @param vary the {@code Vary} value
 * @param link a {@code Link} header value, or {@code null}
 */
public record Prepared(byte[] plain, byte[] gzip, String etag, String gzipEtag, String type, String cacheControl, String vary,
        String link) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    /** @return the body prepared: gzipped once and tagged */
    public static Prepared of(byte[] plain, String type, String cacheControl, String vary, String link) {
        String tag = tag(plain);
        return new Prepared(plain, gzip(plain), "\"" + tag + "\"", "\"" + tag + "-gzip\"", type, cacheControl, vary, link);
    }

    /** Sends the body, gzipped when the client accepts gzip, or 304 when the client already holds these bytes. */
    public void send(Request request, Response response, Callback callback) {
        boolean zipped = acceptsGzip(request);
        String tag = zipped ? gzipEtag : etag;
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, type);
        h.put(HttpHeader.CACHE_CONTROL, cacheControl);
        h.put(HttpHeader.VARY, vary);
        h.put(HttpHeader.ETAG, tag);
        if (link != null) {
            h.put("Link", link);
        }
        if (matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            h.remove(HttpHeader.CONTENT_TYPE);
            callback.succeeded();
            return;
        }
        byte[] body = zipped ? gzip : plain;
        response.setStatus(200);
        if (zipped) {
            h.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** @return whether {@code Accept-Encoding} names gzip (or {@code *}) without {@code q=0} */
    static boolean acceptsGzip(Request request) {
        for (String value : request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING)) {
            for (String part : value.split(",")) {
                String[] coding = part.strip().split(";");
                String name = coding[0].strip();
                if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                    boolean refused = false;
                    for (int i = 1; i < coding.length; i++) {
                        String q = coding[i].strip().replace(" ", "");
                        refused |= q.matches("q=0(\\.0{0,3})?");
                    }
                    return !refused;
                }
            }
        }
        return false;
    }

    /** @return whether an {@code If-None-Match} value names the tag (weakly compared, as RFC 9110 asks for it) or is {@code *} */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String part : ifNoneMatch.split(",")) {
            String t = part.strip();
            if (t.equals("*") || t.equals(tag) || t.startsWith("W/") && t.substring(2).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
