package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Downloads;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.web.Answer;

/** Writes a registered page's {@link Answer} as the centre writes its own pages' answers. */
final class PageAnswers {
    private PageAnswers() {
    }

    static void write(Request request, Response response, Callback callback, Answer a) {
        String body = a.kind() == Answer.Kind.DOWNLOAD ? null : new String(a.body(), StandardCharsets.UTF_8);
        switch (a.kind()) {
            case PAGE -> Http.html(response, callback, a.status(), Layout.page(request, Layout.lang(request),
                    Http.escape(a.title()), body));
            case HTML -> Http.html(response, callback, a.status(), body);
            case JSON -> send(response, callback, a, a.body());
            case TEXT -> send(response, callback, a, a.body());
            case DOWNLOAD -> Downloads.attachment(response, callback, a.contentType(), a.fileName(), a.body());
            case REDIRECT -> Exchange.redirect(response, callback, body);
        }
    }

    private static void send(Response response, Callback callback, Answer a, byte[] bytes) {
        response.setStatus(a.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
