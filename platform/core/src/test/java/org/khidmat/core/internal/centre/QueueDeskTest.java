package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

class QueueDeskTest {
    private final ServiceDescriptor police = Fakes.police();
    private final ServiceDescriptor identity = new ServiceDescriptor("nadra.cnic", 1, police.agency(), "identity",
            police.title(), police.summary(), null, List.of(), police.fees(), police.form(), police.workflow(), false, "x");
    private final Fakes.Audit audit = new Fakes.Audit();
    private final Fakes.Queue store = new Fakes.Queue(audit);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T05:00:00Z"));
    private final QueueDesk desk = new QueueDesk(store, Fakes.catalogue(police, identity), new Fakes.Apps().add(Fakes.app(police, "KM7Q-4XPA-K",
            clock.instant())), audit, clock);

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void plus(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private QueueToken take(String service) {
        QueueToken t = desk.take(service, null);
        clock.plus(Duration.ofSeconds(10));
        return t;
    }

    @Test
    void eachCounterCallsTheOldestTokenItServes() {
        desk.saveCounter(new Counter(1, List.of("police"), true), "admin");
        desk.saveCounter(new Counter(2, List.of("identity"), true), "admin");
        desk.saveCounter(new Counter(3, List.of(), false), "admin");
        QueueToken p1 = take("police.cert");
        QueueToken i1 = take("nadra.cnic");
        QueueToken p2 = take("police.cert");
        QueueToken i2 = take("nadra.cnic");
        assertEquals(List.of("A-001", "B-001", "A-002", "B-002"), List.of(p1.number(), i1.number(), p2.number(), i2.number()));

        assertEquals(i1.id(), desk.callNext(2, "op2").orElseThrow().id());
        assertEquals(p1.id(), desk.callNext(1, "op1").orElseThrow().id());
        assertTrue(desk.callNext(3, "op3").isEmpty(), "a closed counter calls nobody");
        assertTrue(desk.callNext(42, "op").isEmpty(), "no such counter");
        assertEquals(p2.id(), desk.callNext(4, "op4").orElseThrow().id(), "counter 4 serves all: the oldest waiting");
        assertEquals(i2.id(), desk.callNext(2, "op2").orElseThrow().id());
        assertTrue(desk.callNext(1, "op1").isEmpty());

        assertEquals(QueueToken.SERVED, desk.finish(p1.id(), true, "op1").orElseThrow().state());
        assertEquals(QueueToken.NO_SHOW, desk.finish(i1.id(), false, "op2").orElseThrow().state());
        assertTrue(desk.finish(p1.id(), false, "op1").isEmpty(), "finished already");
        assertEquals(1, audit.count("queue.no-show"));
        assertEquals(4, audit.count("queue.call"));
        assertEquals(4, audit.count("queue.take"));
        assertTrue(audit.lines.contains("citizen queue.take B-002 nadra.cnic"), "the entry names the token: " + audit.lines);
    }

    @Test
    void aTokenMayCarryAValidReference() {
        assertEquals("KM7Q-4XPA-K", desk.take("police.cert", "KM7Q-4XPA-K").reference());
        assertThrows(IllegalArgumentException.class, () -> desk.take("police.cert", "ZZZZ-ZZZZ-Z"));
        assertThrows(NoSuchElementException.class, () -> desk.take("nobody.none", null));
    }

    @Test
    void aWrongReferenceReadsTheSameWhetherUnknownOrAnotherServicesSoNothingIsToldAboutIt() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> desk.take(identity.id(), "ZZZZ-ZZZZ-Z")).getMessage();
        String other = assertThrows(IllegalArgumentException.class, () -> desk.take(identity.id(), "KM7Q-4XPA-K")).getMessage();
        assertEquals(unknown.replace("ZZZZ-ZZZZ-Z", "KM7Q-4XPA-K"), other, "the same words for both");
        assertFalse(other.contains("police"), "which service it is for is not told: " + other);
    }

    @Test
    void theWaitIsTheMedianServiceTimeTimesTokensAheadOverCounters() {
        for (int c = 3; c <= 6; c++) {
            desk.saveCounter(new Counter(c, List.of("identity"), true), "admin");
        }
        desk.saveCounter(new Counter(2, List.of("identity"), false), "admin");
        for (int minutes : new int[] {4, 10, 6}) {
            QueueToken t = take("police.cert");
            desk.callNext(1, "op");
            clock.plus(Duration.ofMinutes(minutes));
            desk.finish(t.id(), true, "op");
        }
        assertEquals(Optional.of(Duration.ZERO), desk.estimatedWait("police.cert"), "nobody waiting");
        take("police.cert");
        take("police.cert");
        take("police.cert");
        take("nadra.cnic");
        assertEquals(Optional.of(Duration.ofMinutes(18)), desk.estimatedWait("police.cert"), "6 min x 3 ahead / 1 counter");
        desk.saveCounter(new Counter(2, List.of("police"), true), "admin");
        assertEquals(Optional.of(Duration.ofMinutes(9)), desk.estimatedWait("police.cert"), "two counters now");
        assertEquals(Optional.of(WaitEstimate.DEFAULT_SERVICE.dividedBy(5)), desk.estimatedWait("nadra.cnic"),
                "default 5 min x 1 ahead / 5 counters (1 serves all, 3-6 identity)");
    }

    @Test
    void aTokensPlaceAndTheWaitAreCountedByTheStoreWithoutReadingTheDaysTokens() {
        QueueToken first = take("police.cert");
        take("nadra.cnic");
        QueueToken second = take("police.cert");
        QueueToken third = take("police.cert");
        desk.callNext(1, "op"); // the first police token
        store.dayReads = 0;

        assertEquals(new Queue.Place(1, 2), desk.place(third), "one waiting police token before it, two waiting");
        assertEquals(new Queue.Place(0, 2), desk.place(second));
        assertEquals(Queue.Place.NONE, desk.place(desk.token(first.id()).orElseThrow()), "called: not in the line");
        assertTrue(desk.estimatedWait("police.cert").isPresent());
        assertEquals(0, store.dayReads, "no read of the day's tokens for a token's page");
    }
}
