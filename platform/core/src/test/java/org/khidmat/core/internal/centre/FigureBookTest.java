package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.store.QueueStore;

/**
 * The open figures take the queue's waits and the appointments as the store's sums of the period, never every token
 * and appointment of it (a year of a busy centre is hundreds of thousands): stores that refuse to list them still
 * give the figures.
 */
class FigureBookTest {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @SuppressWarnings("unchecked")
    private static <T> T store(Class<T> type, String sums, Object answer, String rows) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals(sums)) {
                assertEquals(List.of(FROM, TO), List.of(a[a.length - 2], a[a.length - 1]), "the period asked for");
                if (a.length == 3) {
                    assertNull(a[0], "the country's figures: every centre's sums");
                }
                return answer;
            }
            if (m.getName().equals(rows)) {
                throw new AssertionError("the figures read every row: " + type.getSimpleName() + "." + rows);
            }
            if (m.getName().equals("figureFacts")) {
                return new FigureFacts(List.of(), List.of());
            }
            throw new AssertionError("not expected: " + m.getName());
        });
    }

    @Test
    void aYearOfWaitsAndAppointmentsComesFromTheSums() {
        QueueStore queue = store(QueueStore.class, "waits", List.of(
                new QueueStore.Waits("police.cert", Duration.ofMinutes(9), Duration.ofMinutes(10), 3),
                new QueueStore.Waits("police.cert", Duration.ofMinutes(30), Duration.ofMinutes(31), 1),
                new QueueStore.Waits("police.cert", null, null, 5)), "tokens");
        AppointmentStore appointments = store(AppointmentStore.class, "booked",
                List.of(new AppointmentStore.Booked("police.cert", 4, 1)), "between");
        FigureBook book = new FigureBook(store(ApplicationStore.class, "none", null, "none"),
                store(Catalogue.class, "none", null, "none"), queue, appointments);
        List<FigureRow> rows = book.figures(FROM, TO);
        assertEquals(2, rows.size(), rows.toString());
        FigureRow service = rows.get(1);
        assertEquals("police.cert", service.serviceId());
        assertEquals(Duration.ofSeconds(9 * 60 + 30), service.medianQueueWait(), "the middle of the median's span");
        assertEquals(4, service.appointments());
        assertEquals(1, service.noShows());
        assertEquals(rows.get(0).medianQueueWait(), service.medianQueueWait(), "the agency's row");
    }
}
