package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.khidmat.api.platform.FigureRow;

/** Figures as CSV (RFC 4180, CRLF line ends): hours and minutes with two decimals, empty where there is no value. */
final class FiguresCsv {
    static final String HEADER = "agency,service,applications,per_day,finished,median_processing_hours,"
            + "p90_processing_hours,within_promise,median_queue_wait_minutes,average_rating,ratings,appointments,no_shows";

    private FiguresCsv() {
    }

    static String render(List<FigureRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (FigureRow r : rows) {
            out.append(String.join(",", cell(r.agency()), cell(r.serviceId()), String.valueOf(r.applications()),
                    number(r.perDay()), String.valueOf(r.finished()), hours(r.medianProcessing()),
                    hours(r.p90Processing()), number(r.withinPromise()), minutes(r.medianQueueWait()),
                    number(r.averageRating()), String.valueOf(r.ratings()), String.valueOf(r.appointments()),
                    String.valueOf(r.noShows()))).append("\r\n");
        }
        return out.toString();
    }

    private static String hours(Duration d) {
        return d == null ? "" : number(d.toMillis() / 3_600_000.0);
    }

    private static String minutes(Duration d) {
        return d == null ? "" : number(d.toMillis() / 60_000.0);
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
