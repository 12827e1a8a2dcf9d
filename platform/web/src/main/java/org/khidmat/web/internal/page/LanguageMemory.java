package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Keeps the language of a link for the whole visit: a page opened with {@code ?lang=ur} (or any language the
 * {@link Site} offers), from a
 * shared link, a kiosk's address or a form's action, sets the language cookie as the switch does, so the next page,
 * reached by a plain link, is in the same language. The JSON API has no language of its own and is left alone.
 */
public final class LanguageMemory extends Handler.Wrapper {
    public LanguageMemory(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String query = request.getHttpURI().getQuery();
        if (query != null && query.contains("lang=") && !path.startsWith("/api/") && !path.equals("/lang")) {
            String asked = Exchange.query(request).get("lang");
            if (asked != null && Site.of(request).languages().contains(asked) && !asked.equals(Exchange.cookie(request, Layout.LANG_COOKIE))) {
                Exchange.setCookie(response, Layout.LANG_COOKIE, asked, 365 * 24 * 3600);
            }
        }
        return super.handle(request, response, callback);
    }
}
