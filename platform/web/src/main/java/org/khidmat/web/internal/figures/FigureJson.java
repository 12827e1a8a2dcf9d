package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.Period;
import org.khidmat.web.internal.page.ServiceJson;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.khidmat.api.platform.FigureRow;

/** The open figures as JSON: the period, then one object per agency and per service; durations in hours or minutes. */
final class FigureJson {
    private FigureJson() {
    }

    static Map<String, Object> of(Period period, List<FigureRow> rows) {
        Map<String, Object> m = ServiceJson.ordered("from", period.from().toString(), "to", period.to().toString(),
                "days", period.days());
        m.put("rows", rows.stream().map(FigureJson::row).toList());
        return m;
    }

    private static Map<String, Object> row(FigureRow r) {
        Map<String, Object> m = ServiceJson.ordered("agency", r.agency(), "serviceId", r.serviceId(), "applications",
                r.applications(), "perDay", round(r.perDay()), "finished", r.finished());
        m.put("medianProcessingHours", hours(r.medianProcessing()));
        m.put("p90ProcessingHours", hours(r.p90Processing()));
        m.put("withinPromise", round(r.withinPromise()));
        m.put("medianQueueWaitMinutes", r.medianQueueWait() == null ? null : round(r.medianQueueWait().toMillis() / 60_000.0));
        m.put("averageRating", round(r.averageRating()));
        m.put("ratings", r.ratings());
        m.put("appointments", r.appointments());
        m.put("noShows", r.noShows());
        return m;
    }

    private static Double hours(Duration d) {
        return d == null ? null : round(d.toMillis() / 3_600_000.0);
    }

    /** @return rounded to two decimals, as in the CSV */
    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
