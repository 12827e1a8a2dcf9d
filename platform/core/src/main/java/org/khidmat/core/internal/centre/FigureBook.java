package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.Figures;
import org.khidmat.api.store.QueueStore;
import org.khidmat.core.internal.applications.DescriptorArchive;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The open figures, gathered from the store and computed by {@link FigureMath}. The period's applications and their
 * ratings come from {@link ApplicationStore#figureFacts}, grouped in the database, rather than by opening every
 * application: a month of a busy centre is thousands of applications, and opening each cost two reads.
 */
@Component(service = Figures.class)
public final class FigureBook implements Figures {
    private final ApplicationStore store;
    private final DescriptorArchive descriptors;
    private final QueueStore queue;
    private final AppointmentStore appointments;
    /** One cache per centre, and one for the country (key ""). */
    private final Map<String, FigureCache> caches = new ConcurrentHashMap<>();

    @Activate
    public FigureBook(@Reference ApplicationStore store, @Reference Catalogue catalogue, @Reference QueueStore queue,
            @Reference AppointmentStore appointments) {
        this.store = store;
        this.descriptors = new DescriptorArchive(store, catalogue);
        this.queue = queue;
        this.appointments = appointments;
    }

    /** The whole country's figures: every centre's. */
    @Override
    public List<FigureRow> figures(LocalDate from, LocalDate to) {
        return figures(null, from, to);
    }

    @Override
    public List<FigureRow> figures(String centre, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        FigureCache cache = caches.computeIfAbsent(centre == null ? "" : centre, k -> new FigureCache(System::nanoTime));
        return cache.get(from, to, LocalDate.now(CentreZone.get()), () -> {
            ZonedDateTime start = from.atStartOfDay(CentreZone.get());
            ZonedDateTime end = to.plusDays(1).atStartOfDay(CentreZone.get());
            return FigureMath.of(from, to, store.figureFacts(centre, start.toInstant(), end.toInstant()),
                    descriptors::find, queue.waits(centre, from, to), appointments.booked(centre, from, to)).rows();
        });
    }

    @Override
    public String csv(List<FigureRow> rows) {
        return FiguresCsv.render(rows);
    }
}
