package org.khidmat.web.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.Figures;

/**
 * The centre's open figures for the public, no login and no personal data: {@code /figures} (page),
 * {@code /figures.csv} and {@code /figures.json} (downloads), and {@code GET /api/v1/figures}; each for one centre ({@code ?centre=isb-g11}) or, by default, the whole country, and for the period
 * of the {@code from} and {@code to} query parameters, refused with 400 and the reason when they are not valid.
 */
final class FiguresSite extends Handler.Abstract {
    private final Figures figures;
    private final FiguresPage page;

    FiguresSite(Figures figures, Catalogue catalogue) {
        this.figures = figures;
        this.page = new FiguresPage(catalogue);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/figures") && !path.equals("/figures.csv") && !path.equals("/figures.json")
                && !path.equals("/api/v1/figures")) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put("Allow", "GET, HEAD");
            Http.error(response, callback, 405, request.getMethod() + " is not allowed on " + path + "; use GET");
            return true;
        }
        Map<String, String> q = Exchange.query(request);
        Period.Parsed parsed = Period.parse(q.get("from"), q.get("to"), LocalDate.now(CentreTime.zone()));
        String lang = Layout.lang(request);
        if (parsed.problem() != null) {
            String message = parsed.problem().en();
            switch (path) {
                case "/figures" -> Http.html(response, callback, 400, page.render(request, lang, q.get("from"), q.get("to"), null,
                        List.of(), parsed.problem()));
                case "/figures.csv" -> Downloads.text(response, callback, 400, message);
                default -> Http.error(response, callback, 400, message);
            }
            return true;
        }
        String centre = q.get("centre");
        if (centre != null && (centre.isBlank() || centre.equals("all"))) {
            centre = null;
        } else if (centre != null && !centre.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            String message = "centre must be a centre's id like isb-g11 (lowercase letters, digits and -), or all";
            if (path.equals("/figures.csv")) {
                Downloads.text(response, callback, 400, message);
            } else {
                Http.error(response, callback, 400, message);
            }
            return true;
        }
        Period p = parsed.period();
        List<FigureRow> rows = figures.figures(centre, p.from(), p.to());
        String name = "figures-" + (centre == null ? "" : centre + "-") + p.from() + "-to-" + p.to();
        switch (path) {
            case "/figures" -> Http.html(response, callback, 200, page.render(request, lang, p.from().toString(), p.to().toString(),
                    p, rows, null));
            case "/figures.csv" -> Downloads.attachment(response, callback, "text/csv; charset=utf-8", name + ".csv",
                    figures.csv(rows).getBytes(StandardCharsets.UTF_8));
            case "/figures.json" -> Downloads.attachment(response, callback, "application/json; charset=utf-8", name + ".json",
                    JsonOut.bytes(FigureJson.of(p, rows)));
            default -> Http.json(response, callback, 200, FigureJson.of(p, rows));
        }
        return true;
    }
}
