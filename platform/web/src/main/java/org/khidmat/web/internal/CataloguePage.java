package org.khidmat.web.internal;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/** The plain HTML index of every service the centre offers; works without JavaScript. */
final class CataloguePage extends Handler.Abstract {
    private final Catalogue catalogue;

    CataloguePage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/".equals(Request.getPathInContext(request))) {
            return false;
        }
        List<CatalogueEntry> services = catalogue.services().stream().filter(CatalogueEntry::enabled).toList();
        StringBuilder rows = new StringBuilder();
        String agency = null;
        for (CatalogueEntry e : services) {
            ServiceDescriptor d = e.descriptor();
            if (!d.agency().code().equals(agency)) {
                if (agency != null) {
                    rows.append("</ul>\n");
                }
                agency = d.agency().code();
                rows.append("<h2>").append(Http.escape(d.agency().name().en())).append(" <span lang=\"ur\" dir=\"rtl\">")
                        .append(Http.escape(d.agency().name().ur())).append("</span></h2>\n<ul>\n");
            }
            rows.append("<li><a href=\"/api/v1/services/").append(Http.escape(d.id())).append("\">")
                    .append(Http.escape(d.title().en())).append("</a> <span lang=\"ur\" dir=\"rtl\">")
                    .append(Http.escape(d.title().ur())).append("</span> &middot; from Rs ")
                    .append(d.lowestFee().amount()).append(" &middot; ").append(Http.escape(d.category()))
                    .append("</li>\n");
        }
        if (agency != null) {
            rows.append("</ul>\n");
        }
        String page = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Khidmat: services</title>
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
                h2{font-size:1.2rem;margin-top:1.5rem}</style></head>
                <body><main>
                <h1>Services at this centre</h1>
                <p>%d services from %d agencies.</p>
                %s</main></body></html>
                """.formatted(services.size(), services.stream().map(e -> e.descriptor().agency().code()).distinct().count(),
                services.isEmpty() ? "<p>No services are offered right now.</p>" : rows);
        Http.html(response, callback, 200, page);
        return true;
    }
}
