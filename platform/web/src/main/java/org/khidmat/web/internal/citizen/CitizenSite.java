package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.StartPage;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * The citizen's pages: {@code /} (catalogue), {@code /services/{id}} (start page), {@code /apply/{id}/...}
 * (the form), {@code /track}, and {@code /lang} (the language switch, remembered in a cookie).
 */
public final class CitizenSite extends Handler.Abstract {
    private final Catalogue catalogue;
    private final CataloguePage cataloguePage;
    private final ApplyPages apply;
    private final TrackPage track;

    public CitizenSite(Catalogue catalogue, Applications applications, ApplyPages apply, TrackSections sections) {
        this.catalogue = catalogue;
        this.cataloguePage = new CataloguePage(catalogue);
        this.apply = apply;
        this.track = new TrackPage(applications, sections);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean post = Exchange.isPost(request);
        if (!get && !post || !(path.equals("/") || path.equals("/lang") || path.equals("/track")
                || path.startsWith("/services/") || path.startsWith("/apply/"))) {
            return false;
        }
        String lang = Layout.lang(request);
        try {
            if (path.equals("/") && get) {
                cataloguePage.send(request, response, callback, lang);
            } else if (path.equals("/lang") && get) {
                language(request, response, callback);
            } else if (path.equals("/track")) {
                Http.html(response, callback, 200, track.render(request, lang));
            } else if (path.startsWith("/services/")) {
                service(request, response, callback, lang, path.substring("/services/".length()), post);
            } else if (path.startsWith("/apply/")) {
                String rest = path.substring("/apply/".length());
                int slash = rest.indexOf('/');
                Optional<CatalogueEntry> e = slash < 0 ? Optional.empty() : catalogue.service(rest.substring(0, slash));
                if (e.isEmpty()) {
                    Http.html(response, callback, 404, StartPage.notFound(request, lang));
                } else if (!e.get().enabled()) {
                    Http.html(response, callback, 503, StartPage.unavailable(request, lang, e.get()));
                } else {
                    apply.handle(request, response, callback, lang, e.get(), rest.substring(slash + 1));
                }
            } else {
                Http.html(response, callback, 405, StartPage.notFound(request, lang));
            }
        } catch (Exchange.TooLarge e) {
            Http.html(response, callback, 413, Layout.page(request, lang, "413", "<h1>413</h1><p>" + Http.escape(e.getMessage())
                    + "</p>"));
        }
        return true;
    }

    private void service(Request request, Response response, Callback callback, String lang, String rest, boolean post) {
        boolean start = rest.endsWith("/start");
        String id = start ? rest.substring(0, rest.length() - "/start".length()) : rest;
        Optional<CatalogueEntry> e = catalogue.service(id);
        if (e.isEmpty() || start != post) {
            Http.html(response, callback, 404, StartPage.notFound(request, lang));
        } else if (!e.get().enabled()) {
            Http.html(response, callback, 503, StartPage.unavailable(request, lang, e.get()));
        } else if (start) {
            apply.start(request, response, callback, e.get());
        } else {
            Http.html(response, callback, 200, StartPage.render(request, lang, e.get()));
        }
    }

    private static void language(Request request, Response response, Callback callback) {
        Map<String, String> q = Exchange.query(request);
        String to = "ur".equals(q.get("to")) ? "ur" : "en";
        String back = q.getOrDefault("back", "/");
        if (!back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r") || back.contains("\n")) {
            back = "/";
        }
        Exchange.setCookie(response, Layout.LANG_COOKIE, to, 365 * 24 * 3600);
        Exchange.redirect(response, callback, back);
    }
}
