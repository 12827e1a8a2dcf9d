package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FigureWords;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Period;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.web.Answer;

/**
 * The open figures as a page: the period form, charts per agency (applications, share within the promise, rating)
 * and per service (processing time against the promise), a table per agency, and the downloads. Names come from
 * the catalogue; a service that has left it keeps its id.
 */
final class FiguresPage {
    private final Catalogue catalogue;

    FiguresPage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    Answer render(int status, String lang, String from, String to, Period period, List<FigureRow> rows, Problem problem) {
        StringBuilder b = new StringBuilder(FormHtml.summary(problem == null ? List.of() : List.of(problem), lang))
                .append("<h1>").append(FigureWords.get("figures", lang)).append("</h1><p>").append(FigureWords.get("intro", lang))
                .append("</p>").append(form(from, to, problem, lang));
        if (period != null) {
            b.append("<p id=\"period\">").append(Http.escape(FigureWords.BOOK.raw("periodText", lang)
                    .replace("{from}", "\u2066" + period.from() + "\u2069").replace("{to}", "\u2066" + period.to() + "\u2069")
                    .replace("{0}", Long.toString(period.days())))).append("</p>");
            if (rows.isEmpty()) {
                b.append("<p id=\"nothing\">").append(FigureWords.get("nothing", lang)).append("</p>");
            } else {
                b.append(charts(rows, lang)).append("<h2>").append(FigureWords.get("tables", lang)).append("</h2>");
                for (FigureRow r : rows) {
                    if (r.serviceId() == null) {
                        b.append(table(r.agency(), rows, lang));
                    }
                }
            }
            b.append("<h2>").append(FigureWords.get("downloads", lang)).append("</h2><ul><li><a id=\"csv\" href=\"/figures.csv?")
                    .append(Http.escape(period.query())).append("\">").append(FigureWords.get("csv", lang)).append("</a></li>")
                    .append("<li><a id=\"json\" href=\"/figures.json?").append(Http.escape(period.query())).append("\">")
                    .append(FigureWords.get("json", lang)).append("</a></li></ul>");
        }
        String title = (problem == null ? "" : Words.get("error", lang) + ": ") + FigureWords.get("figures", lang);
        return Answer.page(status, title, b.toString());
    }

    private static String form(String from, String to, Problem problem, String lang) {
        return "<form method=\"get\" action=\"/figures\" novalidate><fieldset><legend>" + FigureWords.get("period", lang)
                + "</legend><input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">" + date("from", from, problem, lang) + date("to", to, problem, lang) + "</fieldset>"
                + "<button type=\"submit\" id=\"show\">" + FigureWords.get("show", lang) + "</button></form>";
    }

    private static String date(String name, String value, Problem problem, String lang) {
        boolean bad = problem != null && name.equals(problem.field());
        return "<div class=\"field" + (bad ? " field-error" : "") + "\"><label for=\"f-" + name + "\">" + FigureWords.get(name, lang)
                + "</label><span class=\"hint\" id=\"" + name + "-hint\">" + FigureWords.get("dateHint", lang) + "</span>"
                + (bad ? "<span class=\"message\" id=\"" + name + "-error\">" + Words.get("error", lang) + ": "
                        + Http.text("ur".equals(lang) ? problem.ur() : problem.en(), lang) + "</span>" : "")
                + "<input type=\"text\" inputmode=\"numeric\" dir=\"ltr\" id=\"f-" + name + "\" name=\"" + name + "\" value=\""
                + Http.escape(value == null ? "" : value) + "\" aria-describedby=\"" + name + "-hint" + (bad ? " " + name
                        + "-error\" aria-invalid=\"true\"" : "\"") + "></div>";
    }

    private String charts(List<FigureRow> rows, String lang) {
        List<BarChart.Bar> applications = new ArrayList<>();
        List<BarChart.Bar> within = new ArrayList<>();
        List<BarChart.Bar> rating = new ArrayList<>();
        for (FigureRow r : rows) {
            if (r.serviceId() == null) {
                String name = agencyName(r.agency(), lang);
                applications.add(new BarChart.Bar(name, (double) r.applications(), Integer.toString(r.applications()), null));
                within.add(new BarChart.Bar(name, r.withinPromise() == null ? null : r.withinPromise() * 100,
                        FigureText.share(r.withinPromise(), lang), null));
                rating.add(new BarChart.Bar(name, r.averageRating(), FigureText.two(r.averageRating(), lang) + " ("
                        + r.ratings() + ")", null));
            }
        }
        return "<h2>" + FigureWords.get("charts", lang) + "</h2>" + figure("chart-applications", "chartApplications", applications, 0,
                lang) + figure("chart-within", "chartWithin", within, 100, lang) + figure("chart-rating", "chartRating", rating, 5, lang);
    }

    /** @return the chart in a figure with its title as a visible caption */
    private static String figure(String id, String titleKey, List<BarChart.Bar> bars, double max, String lang) {
        String title = FigureWords.BOOK.raw(titleKey, lang);
        return "<figure><figcaption>" + Http.escape(title) + "</figcaption>" + BarChart.svg(id, title, bars, max,
                FigureWords.BOOK.raw("noData", lang)) + "</figure>";
    }

    private String table(String agency, List<FigureRow> rows, String lang) {
        String name = agencyName(agency, lang);
        String id = Http.escape(agency);
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"agency-").append(id).append("\"><h3 id=\"agency-")
                .append(id).append("\">").append(Http.escape(name)).append("</h3>");
        List<BarChart.Bar> processing = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (FigureRow r : rows) {
            if (!r.agency().equals(agency)) {
                continue;
            }
            Optional<ServiceDescriptor> d = r.serviceId() == null ? Optional.empty()
                    : catalogue.service(r.serviceId()).map(CatalogueEntry::descriptor);
            String title = r.serviceId() == null ? FigureWords.BOOK.raw("agencyRow", lang)
                    : d.map(x -> x.title().in(lang)).orElse(r.serviceId());
            if (r.serviceId() != null) {
                processing.add(new BarChart.Bar(title, FigureText.days(r.medianProcessing()),
                        FigureText.duration(r.medianProcessing(), lang), d.map(x -> (double) x.fees().stream()
                                .mapToInt(FeeTier::days).max().orElse(0)).orElse(null)));
            }
            body.append("<tr id=\"row-").append(Http.escape(r.serviceId() == null ? agency : r.serviceId())).append('"')
                    .append(r.serviceId() == null ? " class=\"total\"" : "").append("><th scope=\"row\">").append(Http.escape(title))
                    .append("</th>").append(cell("applications", Integer.toString(r.applications())))
                    .append(cell("per-day", FigureText.two(r.perDay(), lang))).append(cell("finished", Integer.toString(r.finished())))
                    .append(cell("median", Http.text(FigureText.duration(r.medianProcessing(), lang), lang)))
                    .append(cell("p90", Http.text(FigureText.duration(r.p90Processing(), lang), lang)))
                    .append(cell("promise", d.map(x -> Promises.days(x, lang)).orElse(FigureWords.get("none", lang))))
                    .append(cell("within", FigureText.share(r.withinPromise(), lang)))
                    .append(cell("wait", Http.text(FigureText.duration(r.medianQueueWait(), lang), lang)))
                    .append(cell("rating", FigureText.two(r.averageRating(), lang))).append(cell("ratings", Integer.toString(r.ratings())))
                    .append(cell("appointments", Integer.toString(r.appointments())))
                    .append(cell("no-shows", Integer.toString(r.noShows()))).append("</tr>");
        }
        if (processing.stream().anyMatch(p -> p.value() != null)) {
            b.append(figure("chart-processing-" + id, "chartProcessing", processing, 0, lang));
        }
        b.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").append(Http.escape(name)).append(": ")
                .append(FigureWords.get("scroll", lang)).append("\"><table class=\"figures\" id=\"figures-").append(id)
                .append("\"><caption>").append(Http.escape(name)).append("</caption><thead><tr><th scope=\"col\">")
                .append(Words.get("service", lang)).append("</th>");
        for (String h : List.of("applications", "perDay", "finished", "median", "p90", "promise", "within", "wait", "rating",
                "ratings", "appointments", "noShows")) {
            b.append("<th scope=\"col\">").append(FigureWords.get(h, lang)).append("</th>");
        }
        return b.append("</tr></thead><tbody>").append(body).append("</tbody></table></div></section>").toString();
    }

    private static String cell(String name, String escaped) {
        return "<td class=\"" + name + "\">" + escaped + "</td>";
    }

    private String agencyName(String code, String lang) {
        return catalogue.services().stream().map(CatalogueEntry::descriptor).filter(d -> d.agency().code().equals(code))
                .findFirst().map(d -> d.agency().name().in(lang)).orElse(code);
    }
}
