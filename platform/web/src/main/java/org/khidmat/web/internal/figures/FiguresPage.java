package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Brand;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Period;
import org.khidmat.web.internal.page.Templates;
import org.khidmat.web.internal.page.Wording;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.web.Answer;

/**
 * The open figures as a page ({@code figures/figures.jte}): the period form, the centres (the whole country by
 * default), charts per agency (applications, share within the promise, rating) and per service (processing time
 * against the promise), a table per agency, and the downloads. Names come from the catalogue; a service that has left
 * it keeps its id.
 */
final class FiguresPage {
    private final Catalogue catalogue;

    FiguresPage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * What is asked: the period as typed, the centre chosen (or {@code null}), the centres to choose from with their
     * names by language ({@code en}: the stored name; {@link org.khidmat.api.store.Centres#namesByLanguage}), and the
     * brand of the centre serving the page.
     */
    record Asked(String from, String to, String centre, Map<String, Map<String, String>> centres, Brand brand) {
    }

    /**
     * @return a centre's name on a page in {@code lang}: its name in that language (as its configuration gives it),
     *     the default name in the page's words, else its stored English name marked {@code lang="en" dir="ltr"} so a
     *     screen reader and the bidi algorithm read it as English on an Urdu page
     */
    static Content named(Map<String, String> names, String id, String lang) {
        String own = names == null ? null : names.get(lang);
        if (own != null) {
            return Wording.text(own, lang);
        }
        String stored = names == null ? null : names.get(Messages.FALLBACK);
        if (stored == null) {
            return Wording.in(id, Messages.FALLBACK, lang);
        }
        Messages c = Messages.of(Messages.CITIZEN, lang);
        if (stored.equals(Brand.DEFAULT_NAME) && !c.borrowed("centre")) {
            return Wording.text(c.get("centre"), c.lang());
        }
        return Wording.in(stored, Messages.FALLBACK, lang);
    }

    Answer render(int status, String lang, Asked asked, Period period, List<FigureRow> rows, FormProblem problem) {
        Messages m = Messages.of(Messages.FIGURES, lang);
        List<FiguresView.Centre> centres = new ArrayList<>();
        if (!asked.centres().isEmpty()) {
            centres.add(new FiguresView.Centre(null, m.say("wholeCountry")));
            asked.centres().forEach((id, names) -> centres.add(new FiguresView.Centre(id, named(names, id, m.lang()))));
        }
        Content centreName = asked.centre() == null ? null : named(asked.centres().get(asked.centre()), asked.centre(), m.lang());
        List<BarChart.Chart> charts = new ArrayList<>();
        List<FiguresView.Agency> agencies = new ArrayList<>();
        if (period != null && !rows.isEmpty()) {
            charts.addAll(charts(rows, m));
            for (FigureRow r : rows) {
                if (r.serviceId() == null) {
                    agencies.add(agency(r.agency(), rows, m));
                }
            }
        }
        FiguresView view = new FiguresView(problem, asked.from(), asked.to(), asked.centre(), centreName, centres, period,
                rows.isEmpty(), charts, agencies);
        String title = (problem == null ? "" : Messages.of(Messages.CITIZEN, m.lang()).get("error") + ": ") + m.get("figures");
        return Answer.page(status, Http.text(title, m.dir()), Templates.render("figures/figures.jte",
                Map.of("m", m, "view", view)));
    }

    private List<BarChart.Chart> charts(List<FigureRow> rows, Messages m) {
        List<BarChart.Bar> applications = new ArrayList<>();
        List<BarChart.Bar> within = new ArrayList<>();
        List<BarChart.Bar> rating = new ArrayList<>();
        for (FigureRow r : rows) {
            if (r.serviceId() == null) {
                String name = agencyName(r.agency(), m.lang());
                applications.add(new BarChart.Bar(name, (double) r.applications(), Integer.toString(r.applications()), null));
                within.add(new BarChart.Bar(name, r.withinPromise() == null ? null : r.withinPromise() * 100,
                        FigureText.share(r.withinPromise(), m), null));
                rating.add(new BarChart.Bar(name, r.averageRating(), FigureText.two(r.averageRating(), m) + " ("
                        + r.ratings() + ")", null));
            }
        }
        return List.of(chart("chart-applications", "chartApplications", applications, 0, m),
                chart("chart-within", "chartWithin", within, 100, m), chart("chart-rating", "chartRating", rating, 5, m));
    }

    private static BarChart.Chart chart(String id, String titleKey, List<BarChart.Bar> bars, double max, Messages m) {
        return BarChart.chart(id, m.get(titleKey), bars, max, m.get("noData"));
    }

    private FiguresView.Agency agency(String agency, List<FigureRow> rows, Messages m) {
        String lang = m.lang();
        List<BarChart.Bar> processing = new ArrayList<>();
        List<FiguresView.Line> lines = new ArrayList<>();
        for (FigureRow r : rows) {
            if (!r.agency().equals(agency)) {
                continue;
            }
            Optional<ServiceDescriptor> d = r.serviceId() == null ? Optional.empty()
                    : catalogue.service(r.serviceId()).map(CatalogueEntry::descriptor);
            String title = r.serviceId() == null ? m.get("agencyRow") : d.map(x -> x.title().in(lang)).orElse(r.serviceId());
            if (r.serviceId() != null) {
                processing.add(new BarChart.Bar(title, FigureText.days(r.medianProcessing()),
                        FigureText.duration(r.medianProcessing(), lang), d.map(x -> (double) x.fees().stream()
                                .mapToInt(FeeTier::days).max().orElse(0)).orElse(null)));
            }
            lines.add(new FiguresView.Line(r.serviceId() == null ? agency : r.serviceId(), r.serviceId() == null, title, List.of(
                    cell("applications", Integer.toString(r.applications())), cell("per-day", FigureText.two(r.perDay(), m)),
                    cell("finished", Integer.toString(r.finished())),
                    words("median", FigureText.duration(r.medianProcessing(), lang)),
                    words("p90", FigureText.duration(r.p90Processing(), lang)),
                    words("promise", d.map(x -> FigureText.promise(x, lang)).orElse(m.get("none"))),
                    cell("within", FigureText.share(r.withinPromise(), m)),
                    words("wait", FigureText.duration(r.medianQueueWait(), lang)),
                    cell("rating", FigureText.two(r.averageRating(), m)), cell("ratings", Integer.toString(r.ratings())),
                    cell("appointments", Integer.toString(r.appointments())), cell("no-shows", Integer.toString(r.noShows())))));
        }
        BarChart.Chart chart = processing.stream().anyMatch(p -> p.value() != null)
                ? chart("chart-processing-" + agency, "chartProcessing", processing, 0, m) : null;
        return new FiguresView.Agency(agency, agencyName(agency, lang), chart, lines);
    }

    private static FiguresView.Cell cell(String name, String text) {
        return new FiguresView.Cell(name, text, false);
    }

    private static FiguresView.Cell words(String name, String text) {
        return new FiguresView.Cell(name, text, true);
    }

    private String agencyName(String code, String lang) {
        return catalogue.services().stream().map(CatalogueEntry::descriptor).filter(d -> d.agency().code().equals(code))
                .findFirst().map(d -> d.agency().name().in(lang)).orElse(code);
    }
}
