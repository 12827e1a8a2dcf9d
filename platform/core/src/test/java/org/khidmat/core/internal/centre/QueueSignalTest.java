package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.CentreEvents;

class QueueSignalTest {
    /** Centre events whose first publication waits until the test lets it go. */
    private static final class HeldEvents implements CentreEvents {
        final List<String> published = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void publish(String centre, String event) {
            started.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test let the publication go");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.add(centre + ":" + event);
        }

        @Override
        public AutoCloseable subscribe(String centre, Consumer<String> listener) {
            return () -> { };
        }
    }

    @Test
    void changesMadeWhileAPublicationIsWrittenAreToldByOneMoreNotOneEach() throws Exception {
        HeldEvents events = new HeldEvents();
        QueueSignal signal = new QueueSignal(events, "isb-g11", "queue");
        signal.changed();
        assertTrue(events.started.await(10, TimeUnit.SECONDS), "the first change is being told");
        for (int i = 0; i < 50; i++) {
            signal.changed(); // made after the first publication began: it cannot carry them
        }
        events.release.countDown();
        signal.close(); // writes what is pending
        assertEquals(List.of("isb-g11:queue", "isb-g11:queue"), events.published,
                "the first change, then one publication for the 50 made while it was written");
    }

    @Test
    void aChangeAfterThePublicationsIsToldAgainAndAFailingPublicationIsOnlyLogged() throws Exception {
        List<String> published = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        CentreEvents events = new CentreEvents() {
            @Override
            public void publish(String centre, String event) {
                twice.countDown();
                if (twice.getCount() == 1) {
                    throw new IllegalStateException("database away");
                }
                published.add(event);
            }

            @Override
            public AutoCloseable subscribe(String centre, Consumer<String> listener) {
                return () -> { };
            }
        };
        QueueSignal signal = new QueueSignal(events, "isb-g11", "queue");
        signal.changed();
        while (twice.getCount() == 2) {
            Thread.sleep(1); // until the failing first one was tried
        }
        signal.changed();
        assertTrue(twice.await(10, TimeUnit.SECONDS));
        signal.close();
        assertEquals(List.of("queue"), published, "the change after a failed publication is told");
    }
}
