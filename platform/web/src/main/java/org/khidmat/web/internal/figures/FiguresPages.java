package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.http.JsonOut;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Period;
import org.khidmat.web.internal.page.Site;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.Figures;
import org.khidmat.api.web.Answer;
import org.khidmat.api.web.Ask;
import org.khidmat.api.store.Centres;
import org.khidmat.api.web.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The centre's open figures for the public, no login and no personal data: {@code /figures} (page),
 * {@code /figures.csv} and {@code /figures.json} (downloads), and {@code GET /api/v1/figures}; each for one centre
 * ({@code ?centre=isb-g11}) or, by default, the whole country, and for the period of the {@code from} and {@code to} query parameters, refused with 400 and the reason when they are not valid.
 * A {@link Page} service: it comes and goes with the {@link Figures} service, and while that is away only these
 * paths answer 503.
 */
@Component(service = Page.class, property = {Page.PATH + "=/figures", Page.PATH + "=/figures.csv",
        Page.PATH + "=/figures.json", Page.PATH + "=/api/v1/figures"})
public final class FiguresPages implements Page {
    private final Figures figures;
    private final FiguresPage page;
    /** The centres sharing the database, to choose from; while away the page offers no choice. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Centres centres;
    /** The centre this node serves, for its time zone (the default zone while it is away). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Centre centre;

    @Activate
    public FiguresPages(@Reference Figures figures, @Reference Catalogue catalogue) {
        this.figures = figures;
        this.page = new FiguresPage(catalogue);
    }

    @Override
    public Answer answer(Ask ask) {
        String path = ask.path();
        Map<String, String> q = ask.query();
        String from = Period.field(q, "from");
        String to = Period.field(q, "to");
        Period.Parsed parsed = Period.parse(from, to, LocalDate.now(CentreTime.of(centre).zone()));
        String lang = ask.lang();
        Map<String, Map<String, String>> known = centreNames();
        if (parsed.problem() != null) {
            String message = Period.forClients(parsed.problem());
            return switch (path) {
                case "/figures" -> page.render(400, lang, new FiguresPage.Asked(from, to, null, known, Site.of(this.centre).brand()), null,
                        List.of(), FormProblem.of(parsed.problem(), lang));
                case "/figures.csv" -> Answer.text(400, message + "\n");
                default -> error(message);
            };
        }
        String centre = q.get("centre");
        if (centre != null && (centre.isBlank() || centre.equals("all"))) {
            centre = null;
        } else if (centre != null && !centre.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            String message = "centre must be a centre's id like isb-g11 (lowercase letters, digits and -), or all";
            return switch (path) {
                case "/figures" -> page.render(400, lang, new FiguresPage.Asked(from, to, null, known, Site.of(this.centre).brand()),
                        null, List.of(), FormProblem.of(Messages.of(Messages.FIGURES, lang), null, "badCentre"));
                case "/figures.csv" -> Answer.text(400, message + "\n");
                default -> error(message);
            };
        }
        Period p = parsed.period();
        List<FigureRow> rows = figures.figures(centre, p.from(), p.to());
        String name = "figures-" + (centre == null ? "" : centre + "-") + p.from() + "-to-" + p.to();
        return switch (path) {
            case "/figures" -> page.render(200, lang, new FiguresPage.Asked(p.from().toString(), p.to().toString(), centre, known, Site.of(this.centre).brand()),
                    p, rows, null);
            case "/figures.csv" -> Answer.download("text/csv; charset=utf-8", name + ".csv",
                    figures.csv(rows).getBytes(StandardCharsets.UTF_8));
            case "/figures.json" -> Answer.download("application/json; charset=utf-8", name + ".json",
                    JsonOut.bytes(FigureJson.of(p, rows)));
            default -> Answer.json(200, new String(JsonOut.bytes(FigureJson.of(p, rows)), StandardCharsets.UTF_8));
        };
    }

    /** @return every centre's names by language, by id, or none while the centres are away  */
    private Map<String, Map<String, String>> centreNames() {
        Centres c = centres;
        try {
            return c == null ? Map.of() : c.namesByLanguage();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static Answer error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", message);
        return Answer.json(400, new String(JsonOut.bytes(body), StandardCharsets.UTF_8));
    }
}
