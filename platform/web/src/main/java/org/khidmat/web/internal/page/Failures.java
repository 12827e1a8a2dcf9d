package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.ServiceAway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one place where what a page could not do becomes an answer: a request body over the limit is 413, a JSON body
 * that is no JSON object (or not the one expected) 400, a platform
 * service the page needs that is away ({@link ServiceAway}) is 503 with {@code Retry-After} and the sentence in English
 * and Urdu. JSON under {@code /api/}, a citizen page elsewhere. Anything else goes on to Jetty's {@link ErrorPages}.
 */
public final class Failures extends Handler.Wrapper {
    /** Seconds a client is asked to wait before it asks again for a page whose service is away. */
    static final int RETRY_AFTER_S = 5;

    /** What a failure page says ({@code page/failure.jte}): the status, the sentence in English and, when known, in Urdu. */
    record Said(int status, String en, String ur) {
    }

    public Failures(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return super.handle(request, response, callback);
        } catch (ServiceAway e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.getHeaders().put("Retry-After", Integer.toString(RETRY_AFTER_S));
            answer(request, response, callback, 503, e.en(), e.ur());
            return true;
        } catch (Exchange.TooLarge e) {
            if (response.isCommitted()) {
                throw e;
            }
            answer(request, response, callback, 413, e.getMessage(), null);
            return true;
        } catch (JsonIn.BadJson e) {
            if (response.isCommitted()) {
                throw e;
            }
            answer(request, response, callback, 400, e.getMessage(), null);
            return true;
        }
    }

    private static void answer(Request request, Response response, Callback callback, int status, String en, String ur) {
        if (Request.getPathInContext(request).startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", en);
            if (ur != null) {
                body.put("ur", ur);
            }
            Http.json(response, callback, status, body);
            return;
        }
        Http.html(response, callback, status, Layout.render(request, Layout.lang(request), "page/failure.jte",
                new Said(status, en, ur)));
    }
}
