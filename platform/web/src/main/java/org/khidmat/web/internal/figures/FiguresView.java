package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Period;

import gg.jte.Content;
import java.util.List;

/**
 * What {@code figures/figures.jte} shows: the period form and its problem, the centres to choose from (the whole
 * country first), the charts, a table per agency and the downloads. Every text is plain; the template escapes it.
 *
 * @param centre the chosen centre's id, or {@code null} for the whole country
 * @param centreName the chosen centre's name in the page's language or marked in its own, or {@code null} for the whole country
 * @param period the period shown, or {@code null} when the form has a problem
 */
record FiguresView(FormProblem problem, String from, String to, String centre, Content centreName, List<Centre> centres,
        Period period, boolean nothing, List<BarChart.Chart> charts, List<Agency> agencies) {

    /** A centre to show the figures of; {@code id} {@code null} for the whole country. */
    record Centre(String id, Content name) {
    }

    /** One agency's table, with its services' processing chart when any has data. */
    record Agency(String code, String name, BarChart.Chart processing, List<Line> lines) {
    }

    /** One row of a table: the agency's total ({@code total}) or a service's. */
    record Line(String id, boolean total, String title, List<Cell> cells) {
    }

    /** A cell: its class, its text, and whether numbers in it read left to right in right-to-left text (words with numbers). */
    record Cell(String name, String text, boolean words) {
    }

    /** The column headings' words, in order of the cells. */
    static final List<String> HEADINGS = List.of("applications", "perDay", "finished", "median", "p90", "promise", "within",
            "wait", "rating", "ratings", "appointments", "noShows");

    /** @return the query of the chosen period and centre, for the downloads and the centre links */
    String query(String centreId) {
        return (centreId == null ? "" : "centre=" + centreId + "&") + period.query();
    }
}
