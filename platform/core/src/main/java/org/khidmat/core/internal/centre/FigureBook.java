package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.AppointmentStore;
import org.khidmat.api.platform.ApplicationStore;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.Figures;
import org.khidmat.api.platform.QueueStore;
import org.khidmat.api.platform.RatingStore;
import org.khidmat.api.platform.TrackedApplication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The open figures, gathered from the store and computed by {@link FigureMath}. */
@Component(service = Figures.class)
public final class FigureBook implements Figures {
    /** The most applications read for one report. */
    static final int LIMIT = 1_000_000;
    private final ApplicationStore store;
    private final Applications applications;
    private final QueueStore queue;
    private final RatingStore ratings;
    private final AppointmentStore appointments;

    @Activate
    public FigureBook(@Reference ApplicationStore store, @Reference Applications applications, @Reference QueueStore queue,
            @Reference RatingStore ratings, @Reference AppointmentStore appointments) {
        this.appointments = appointments;
        this.store = store;
        this.applications = applications;
        this.queue = queue;
        this.ratings = ratings;
    }

    @Override
    public List<FigureRow> figures(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        ZonedDateTime start = from.atStartOfDay(PaymentDesk.ZONE);
        ZonedDateTime end = to.plusDays(1).atStartOfDay(PaymentDesk.ZONE);
        List<TrackedApplication> apps = store.list(null, null, null, LIMIT).stream()
                .filter(a -> !a.createdAt().isBefore(start.toInstant()) && a.createdAt().isBefore(end.toInstant()))
                .map(a -> applications.open(a.reference())).flatMap(Optional::stream).toList();
        return new FigureMath(from, to, apps, queue.tokens(from, to), ratings.ratings(), appointments.between(from, to)).rows();
    }

    @Override
    public String csv(List<FigureRow> rows) {
        return FiguresCsv.render(rows);
    }
}
