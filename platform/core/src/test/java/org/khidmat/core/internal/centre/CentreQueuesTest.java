package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.QueueToken;

/** Desks of several nodes over one store: nodes of one centre share a queue; centres do not. */
class CentreQueuesTest {
    private final ServiceDescriptor police = Fakes.police();
    private final Fakes.Queue store = new Fakes.Queue();
    private final Fakes.Signals signals = new Fakes.Signals();
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(Instant.parse("2026-03-02T05:00:00Z"));

    private QueueDesk node(String centre) {
        return new QueueDesk(centre, signals.node(), store, Fakes.catalogue(police), new Fakes.Apps(), new Fakes.Audit(),
                clock);
    }

    @Test
    void twoCentresHaveTheirOwnTokensCountersAndNumbers() {
        QueueDesk islamabad = node("isb-g11");
        QueueDesk lahore = node("lhr-01");
        QueueToken i1 = islamabad.take("police.cert", null);
        QueueToken l1 = lahore.take("police.cert", null);
        assertEquals("A-001", i1.number());
        assertEquals("A-001", l1.number());
        assertEquals(List.of(i1.id()), islamabad.today().stream().map(QueueToken::id).toList());
        assertEquals(List.of(l1.id()), lahore.today().stream().map(QueueToken::id).toList());

        lahore.saveCounter(new Counter(1, List.of(), false), "admin");
        assertTrue(islamabad.counters().get(0).open(), "closing Lahore's counter 1 leaves Islamabad's open");
        assertEquals(i1.id(), islamabad.callNext(1, "op").orElseThrow().id());
        assertTrue(islamabad.callNext(2, "op").isEmpty(), "Islamabad's counters never call Lahore's tokens");
        assertEquals(QueueToken.WAITING, lahore.today().get(0).state());
        assertTrue(lahore.finish(i1.id(), true, "op").isEmpty(), "Lahore's counter cannot finish Islamabad's token");
        assertEquals(QueueToken.SERVED, islamabad.finish(i1.id(), true, "op").orElseThrow().state());
    }

    @Test
    void aChangeOnOneNodeIsHeardByTheOtherNodesOfItsCentreOnly() throws InterruptedException {
        QueueDesk nodeA = node("isb-g11");
        QueueDesk nodeB = node("isb-g11");
        QueueDesk lahore = node("lhr-01");
        AtomicInteger heardOnB = new AtomicInteger();
        AtomicInteger heardInLahore = new AtomicInteger();
        AtomicInteger heardOnA = new AtomicInteger();
        nodeB.onChange(heardOnB::incrementAndGet);
        lahore.onChange(heardInLahore::incrementAndGet);
        nodeA.onChange(heardOnA::incrementAndGet);

        QueueToken t = nodeA.take("police.cert", null);
        awaitHeard(heardOnB, 1, "node B's hall screen hears node A's take");
        nodeA.callNext(1, "op");
        awaitHeard(heardOnB, 2, "node B's hall screen hears node A's call");
        assertEquals(2, heardOnA.get(), "node A's own listeners hear it once each, not again through the signals");
        assertEquals(0, heardInLahore.get());
        assertEquals(QueueToken.CALLED, nodeB.today().stream().filter(x -> x.id() == t.id()).findFirst().orElseThrow()
                .state(), "node B reads the call from the shared store");
        assertFalse(lahore.today().stream().anyMatch(x -> x.id() == t.id()));
    }

    /** The other nodes are told off the changing thread (QueueSignal): wait for it, a few seconds at most. */
    private static void awaitHeard(AtomicInteger heard, int times, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (heard.get() < times && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(times, heard.get(), what);
    }
}
