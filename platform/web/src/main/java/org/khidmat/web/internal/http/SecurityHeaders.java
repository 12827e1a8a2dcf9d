package org.khidmat.web.internal.http;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the security headers on every answer before any handler writes: a content security policy that allows
 * only the centre's own scripts, styles and forms and no framing, nosniff, a strict referrer policy, and HSTS
 * when the request came over TLS (HSTS over plain HTTP is ignored by browsers and would mislead).
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** The fields, encoded once for HTTP/1 and HTTP/2 (put on every answer: encoding them each time was per request). */
    private static final List<HttpField> ALWAYS = List.of(
            new PreEncodedHttpField("Content-Security-Policy", CSP),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("X-Frame-Options", "DENY"),
            new PreEncodedHttpField("Referrer-Policy", "same-origin"),
            new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"));
    private static final HttpField HSTS = new PreEncodedHttpField("Strict-Transport-Security",
            "max-age=31536000; includeSubDomains");

    public SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders(), request.isSecure());
        return super.handle(request, response, callback);
    }

    /** Puts the headers on an answer; also used by {@link ErrorPages}, whose answers Jetty starts afresh. */
    static void apply(HttpFields.Mutable h, boolean secure) {
        for (HttpField f : ALWAYS) {
            h.put(f);
        }
        if (secure) {
            h.put(HSTS);
        }
    }
}
