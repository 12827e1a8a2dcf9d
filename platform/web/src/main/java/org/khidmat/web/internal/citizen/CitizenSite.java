package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.StartPage;
import org.khidmat.web.internal.page.Templates;

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
public final class CitizenSite {
    private final Catalogue catalogue;
    private final ApplyPages apply;

    private CitizenSite(Catalogue catalogue, ApplyPages apply) {
        this.catalogue = catalogue;
        this.apply = apply;
    }

    /** @return the citizen's routes */
    public static Handler routes(Catalogue catalogue, Applications applications, ApplyPages apply, TrackSections sections) {
        CitizenSite site = new CitizenSite(catalogue, apply);
        CataloguePage cataloguePage = new CataloguePage(catalogue);
        TrackPage track = new TrackPage(applications, sections);
        return new RouteTable(CitizenSite::notHere)
                .route("/", RouteTable.GET, (rq, rs, cb, at) -> cataloguePage.send(rq, rs, cb, Layout.lang(rq)))
                .route("/lang", RouteTable.GET, (rq, rs, cb, at) -> language(rq, rs, cb))
                .route("/track", RouteTable.GET_POST, (rq, rs, cb, at) -> Http.html(rs, cb, 200, track.render(rq, Layout.lang(rq))))
                .route("/services/*", RouteTable.GET_POST, (rq, rs, cb, at) -> site.service(rq, rs, cb, Layout.lang(rq), at.get("*"),
                        Exchange.isPost(rq)))
                .route("/apply/*", RouteTable.GET_POST, (rq, rs, cb, at) -> site.apply(rq, rs, cb, Layout.lang(rq), at.get("*")));
    }

    private static void notHere(Request request, Response response, Callback callback) {
        Http.html(response, callback, 405, StartPage.notFound(request, Layout.lang(request)));
    }

    private void apply(Request request, Response response, Callback callback, String lang, String rest) throws Exception {
        int slash = rest.indexOf('/');
        Optional<CatalogueEntry> e = slash < 0 ? Optional.empty() : catalogue.service(rest.substring(0, slash));
        if (e.isEmpty()) {
            Http.html(response, callback, 404, StartPage.notFound(request, lang));
        } else if (!e.get().enabled()) {
            Http.html(response, callback, 503, StartPage.unavailable(request, lang, e.get()));
        } else {
            apply.handle(request, response, callback, lang, e.get(), rest.substring(slash + 1));
        }
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

    /** {@code /lang?to=sd&back=/track}: remembers a language the site offers and goes back; refuses any other (400). */
    private static void language(Request request, Response response, Callback callback) {
        Map<String, String> q = Exchange.query(request);
        String back = q.getOrDefault("back", "/");
        if (!back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r") || back.contains("\n")) {
            back = "/";
        }
        String to = q.get("to");
        Site site = Site.of(request);
        if (to == null || !site.languages().contains(to)) {
            String lang = Languages.of(request);
            Http.html(response, callback, 400, Templates.render("page/languageRefused.jte",
                    Map.of("frame", Layout.frame(back, lang, site), "v", to == null ? "" : to)));
            return;
        }
        Exchange.setCookie(response, Layout.LANG_COOKIE, to, 365 * 24 * 3600);
        Exchange.redirect(response, callback, back);
    }
}
