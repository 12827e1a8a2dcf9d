package org.khidmat.web.internal.page;

import org.eclipse.jetty.server.Request;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * A service's start page ({@code page/start.jte}), its "temporarily unavailable" page ({@code page/unavailable.jte})
 * and the page for what is not there ({@code page/notFound.jte}), for every audience's routes.
 */
public final class StartPage {
    private StartPage() {
    }

    public static String render(Request request, String lang, CatalogueEntry e) {
        return Layout.render(request, lang, "page/start.jte", e);
    }

    public static String unavailable(Request request, String lang, CatalogueEntry e) {
        return Layout.render(request, lang, "page/unavailable.jte", e);
    }

    public static String notFound(Request request, String lang) {
        return Layout.render(request, lang, "page/notFound.jte", null);
    }
}
