package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.QueueStore;

/** {@link QueueStore}: numbers per letter and day, unique under concurrency; the calling order; serving; counters. */
public abstract class QueueStoreContract extends StoreContract {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 6);

    private QueueToken take(String category, int secondsAfterT, String appointment) {
        return stores.queue().take(DAY, category + ".service", category, null, appointment, T.plusSeconds(secondsAfterT));
    }

    @Test
    public void eachCategoryKeepsItsLetterAndNumbersRestartEachDay() {
        QueueToken a1 = take("identity", 0, null);
        QueueToken a2 = take("identity", 1, null);
        QueueToken b1 = take("tax", 2, null);
        QueueToken a3 = take("identity", 3, null);
        QueueToken nextDay = stores.queue().take(DAY.plusDays(1), "tax.service", "tax", null, null, T.plusSeconds(86_400));

        assertEquals(List.of("A-001", "A-002", "B-001", "A-003", "B-001"),
                List.of(a1.number(), a2.number(), b1.number(), a3.number(), nextDay.number()));
        assertEquals(QueueToken.WAITING, a1.state());
        assertEquals(0, a1.counter());
        assertEquals(Optional.of(a2), stores.queue().token(a2.id()));
        assertEquals(Optional.empty(), stores.queue().token(-1));
        assertEquals(List.of(a1, a2, b1, a3), stores.queue().tokens(DAY, DAY), "oldest first");
        assertEquals(5, stores.queue().tokens(DAY, DAY.plusDays(1)).size(), "both days inclusive");
    }

    @Test
    public void anAuditedTakeStoresItsEntryWithItAndOneWhoseEntryFailsLeavesNoTokenAndNoGap() {
        QueueToken first = stores.queue().take(Centre.DEFAULT_ID, DAY, "identity.service", "identity", "REF-1", null,
                T.plusNanos(1_500_000), t -> AuditNote.of("citizen", "queue.take", t.number(), "identity.service"));
        assertEquals(Optional.of(first), stores.queue().token(first.id()), "the token returned is the token stored");
        assertEquals(T.plusMillis(1), first.takenAt(), "kept to the millisecond");
        assertThrows(IllegalStateException.class, () -> stores.queue().take(Centre.DEFAULT_ID, DAY, "identity.service",
                "identity", null, null, T.plusSeconds(1), t -> {
                    throw new IllegalStateException("no note");
                }));
        QueueToken second = take("identity", 2, null);

        assertEquals(List.of("A-001", "A-002"), List.of(first.number(), second.number()), "the failed take used no number");
        assertEquals(List.of(first, second), stores.queue().tokens(DAY, DAY));
        assertEquals(List.of("A-001"), stores.audit().search("queue.take", 10).stream().map(AuditEntry::subject).toList(),
                "the audited take's entry, written with it");
    }

    @Test
    public void tokensTakenAtOnceOnTwoNodesGetEveryNumberOnce() {
        int threads = 6;
        int each = 8;
        List<List<QueueToken>> taken = Together.run(threads, stores, (t, node) -> {
            List<QueueToken> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                mine.add(node.queue().take(DAY, "identity.service", "identity", null, null, T.plusMillis(t * 100 + i)));
            }
            return mine;
        });

        Set<String> numbers = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        taken.forEach(list -> list.forEach(q -> {
            assertTrue(numbers.add(q.number()), q.number() + " given twice");
            assertTrue(ids.add(q.id()), "id " + q.id() + " given twice");
        }));
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= threads * each; n++) {
            expected.add(String.format("A-%03d", n));
        }
        assertEquals(expected, numbers, "A-001 to A-048, no gap");
    }

    @Test
    public void categoriesSeenFirstAtOnceOnTwoNodesGetLettersOfTheirOwnAndOneCategoryKeepsOne() {
        List<List<QueueToken>> taken = Together.run(6, stores, (t, node) -> {
            List<QueueToken> mine = new ArrayList<>();
            mine.add(node.queue().take(DAY, "shared.service", "shared", null, null, T.plusMillis(t)));
            for (int i = 0; i < 5; i++) {
                mine.add(node.queue().take(DAY, "cat" + t + i + ".service", "cat" + t + i, null, null, T.plusMillis(t * 10 + i)));
            }
            return mine;
        });

        java.util.Map<String, Set<String>> letters = new java.util.HashMap<>();
        taken.forEach(list -> list.forEach(q ->
                letters.computeIfAbsent(q.category(), c -> new HashSet<>()).add(q.number().substring(0, q.number().indexOf('-')))));
        assertEquals(31, letters.size());
        letters.forEach((category, used) -> assertEquals(1, used.size(), category + " has one letter: " + used));
        Set<String> all = new HashSet<>();
        letters.values().forEach(all::addAll);
        assertEquals(31, all.size(), "no two categories share a letter: " + letters);
        assertTrue(all.containsAll(List.of("A", "Z", "AA", "AE")), "A to Z, then AA: " + all);
        Set<String> shared = new HashSet<>();
        taken.forEach(list -> shared.add(list.get(0).number().substring(list.get(0).number().indexOf('-'))));
        assertEquals(Set.of("-001", "-002", "-003", "-004", "-005", "-006"), shared);
    }

    @Test
    public void theNextCallIsACheckedInAppointmentFirstThenTheOldestOfTheCounterCategories() {
        QueueToken walkIn = take("identity", 0, null);
        QueueToken tax = take("tax", 1, null);
        QueueToken booked = take("identity", 2, "APPT-0001-K");
        QueueToken later = take("identity", 3, null);

        QueueToken first = stores.queue().callNext(DAY, List.of("identity"), 4, T.plusSeconds(10)).orElseThrow();
        assertEquals(booked.id(), first.id(), "the appointment first");
        assertEquals(QueueToken.CALLED, first.state());
        assertEquals(4, first.counter());
        assertEquals(T.plusSeconds(10), first.calledAt());
        assertEquals(walkIn.id(), stores.queue().callNext(DAY, List.of("identity"), 4, T.plusSeconds(11)).orElseThrow().id());
        assertEquals(tax.id(), stores.queue().callNext(DAY, List.of(), 2, T.plusSeconds(12)).orElseThrow().id(),
                "no categories: any");
        assertEquals(later.id(), stores.queue().callNext(DAY, List.of("identity", "tax"), 3, T.plusSeconds(13)).orElseThrow().id());
        assertEquals(Optional.empty(), stores.queue().callNext(DAY, List.of(), 1, T.plusSeconds(14)), "nobody waits");
        assertEquals(Optional.empty(), stores.queue().callNext(DAY.plusDays(1), List.of(), 1, T.plusSeconds(14)));
    }

    @Test
    public void countersCallingAtOnceOnTwoNodesCallEachTokenOnce() {
        for (int i = 0; i < 20; i++) {
            take("identity", i, null);
        }

        List<List<Long>> called = Together.run(6, stores, (t, node) -> {
            List<Long> mine = new ArrayList<>();
            Optional<QueueToken> next;
            while ((next = node.queue().callNext(DAY, List.of(), t + 1, T.plusSeconds(100))).isPresent()) {
                assertEquals(t + 1, next.get().counter());
                mine.add(next.get().id());
            }
            return mine;
        });

        List<Long> all = new ArrayList<>();
        called.forEach(all::addAll);
        assertEquals(20, all.size(), "every token called: " + all);
        assertEquals(20, new HashSet<>(all).size(), "no token called twice: " + all);
    }

    /**
     * Two counters at each of two centres, half on the other node, call N times each at once: every call gets a token
     * of its own centre, no token is called twice, and each counter's calls follow the calling order (checked-in
     * appointments first, then the oldest).
     */
    @Test
    public void twoCountersAtEachOfTwoCentresCallingNTimesAtOnceNeverGetTheSameToken() {
        int calls = 12;
        List<String> centres = List.of("isb-g11", "lhr-01");
        for (String centre : centres) {
            for (int i = 0; i < 2 * calls; i++) {
                stores.queue().take(centre, DAY, "identity.service", "identity", null, i % 5 == 4 ? "APPT-" + i : null,
                        T.plusSeconds(i));
            }
        }
        List<List<QueueToken>> called = Together.run(4, stores, (t, node) -> {
            List<QueueToken> mine = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                mine.add(node.queue().callNext(centres.get(t / 2), DAY, List.of(), t % 2 + 1, T.plusSeconds(100 + i))
                        .orElseThrow(() -> new AssertionError("a call found nobody waiting")));
            }
            return mine;
        });

        for (int c = 0; c < centres.size(); c++) {
            Set<Long> ofCentre = new HashSet<>();
            stores.queue().tokens(centres.get(c), DAY, DAY).forEach(q -> ofCentre.add(q.id()));
            Set<Long> seen = new HashSet<>();
            for (List<QueueToken> counter : called.subList(2 * c, 2 * c + 2)) {
                for (int i = 0; i < counter.size(); i++) {
                    QueueToken q = counter.get(i);
                    assertTrue(ofCentre.contains(q.id()), q.number() + " called at " + centres.get(c) + " is of it");
                    assertTrue(seen.add(q.id()), q.number() + " called twice at " + centres.get(c));
                    if (i > 0) {
                        QueueToken before = counter.get(i - 1);
                        assertTrue(callOrder(before) < callOrder(q), before.number() + " then " + q.number());
                    }
                }
            }
            assertEquals(ofCentre, seen, "every token of " + centres.get(c) + " called once");
        }
    }

    /** @return where a token of this test stands in the calling order: appointments first, then by time taken */
    private static long callOrder(QueueToken q) {
        return (q.appointment() == null ? 1_000_000L : 0L) + q.takenAt().getEpochSecond() - T.getEpochSecond();
    }

    @Test
    public void aTokensPlaceIsCountedAsTheCallingOrderAndTheDaysTokensSayIt() {
        for (int i = 0; i < 9; i++) {
            take(i % 3 == 2 ? "tax" : "identity", i / 2, i % 4 == 3 ? "APPT-" + i : null); // ties in time
        }
        stores.queue().take("lhr-01", DAY, "identity.service", "identity", null, null, T); // another centre's line
        stores.queue().callNext(DAY, List.of("identity"), 1, T.plusSeconds(60));
        List<QueueToken> day = stores.queue().tokens(DAY, DAY);
        for (QueueToken t : day) {
            assertEquals(Queue.Place.in(t, day), stores.queue().place(Centre.DEFAULT_ID, t), t.number() + " " + t.state());
        }
        assertEquals(new Queue.Place(0, 1), stores.queue().place("lhr-01", stores.queue().tokens("lhr-01", DAY, DAY).get(0)));
        assertEquals(day.stream().filter(t -> t.state().equals(QueueToken.WAITING) && t.category().equals("identity")).count(),
                stores.queue().waiting(Centre.DEFAULT_ID, DAY, "identity"));
        assertEquals(0, stores.queue().waiting(Centre.DEFAULT_ID, DAY.plusDays(1), "identity"));
    }

    @Test
    public void onlyACalledTokenIsFinishedAndOnlyAsServedOrNoShow() {
        QueueToken waiting = take("identity", 0, null);
        QueueToken second = take("identity", 1, null);
        assertEquals(Optional.empty(), stores.queue().finish(waiting.id(), QueueToken.SERVED, T.plusSeconds(5)), "not called");
        QueueToken called = stores.queue().callNext(DAY, List.of(), 1, T.plusSeconds(10)).orElseThrow();
        stores.queue().callNext(DAY, List.of(), 2, T.plusSeconds(11)).orElseThrow();

        assertThrows(IllegalArgumentException.class, () -> stores.queue().finish(called.id(), QueueToken.WAITING, T));
        QueueToken served = stores.queue().finish(called.id(), QueueToken.SERVED, T.plusSeconds(60)).orElseThrow();
        assertEquals(QueueToken.SERVED, served.state());
        assertEquals(T.plusSeconds(60), served.finishedAt());
        assertEquals(Optional.empty(), stores.queue().finish(called.id(), QueueToken.NO_SHOW, T.plusSeconds(70)), "once");
        assertEquals(QueueToken.NO_SHOW, stores.queue().finish(second.id(), QueueToken.NO_SHOW, T.plusSeconds(80))
                .orElseThrow().state());
        assertEquals(Optional.empty(), stores.queue().finish(-1, QueueToken.SERVED, T));
        assertEquals(List.of(served), stores.queue().recentlyServed("identity.service", 10));
    }

    @Test
    public void recentlyServedIsNewestFirstWithinTheLimit() {
        List<Long> servedInOrder = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            take("identity", i, null);
            QueueToken called = stores.queue().callNext(DAY, List.of(), 1, T.plusSeconds(10 + i)).orElseThrow();
            servedInOrder.add(stores.queue().finish(called.id(), QueueToken.SERVED, T.plusSeconds(100 + i)).orElseThrow().id());
        }

        List<Long> recent = stores.queue().recentlyServed("identity.service", 3).stream().map(QueueToken::id).toList();
        assertEquals(List.of(servedInOrder.get(3), servedInOrder.get(2), servedInOrder.get(1)), recent);
        assertEquals(List.of(), stores.queue().recentlyServed("tax.service", 3));
        assertEquals(List.of(), stores.queue().recentlyServed("identity.service", 0), "a limit of 0 gives nothing");
        assertEquals(List.of(), stores.queue().recentlyServed("identity.service", -1), "nor does a negative one");
    }

    @Test
    public void aTokenIsTiedToAnApplicationOnlyWhenItExists() {
        QueueToken t = take("identity", 0, null);

        assertTrue(stores.queue().attach(t.id(), "TEST-0001-K"));
        assertFalse(stores.queue().attach(-1, "TEST-0001-K"));

        assertEquals("TEST-0001-K", stores.queue().token(t.id()).orElseThrow().reference());
    }

    @Test
    public void aTokenWithoutCategoryOrTimeIsRefusedAndUsesNoNumber() {
        for (Runnable bad : List.<Runnable>of(
                () -> stores.queue().take(DAY, "identity.service", null, null, null, T),
                () -> stores.queue().take(DAY, "identity.service", "identity", null, null, null))) {
            RuntimeException e = assertThrows(RuntimeException.class, bad::run);
            assertRefusal(e);
        }

        assertEquals(List.of(), stores.queue().tokens(DAY, DAY));
        assertEquals("A-001", take("identity", 0, null).number(), "the first number is still free");
    }

    @Test
    public void aCounterIsAddedOrReplacedAndListedByNumber() {
        int before = stores.queue().counters().size();
        stores.queue().saveCounter(new Counter(12, List.of("identity", "tax"), true));
        stores.queue().saveCounter(new Counter(11, List.of(), true));
        stores.queue().saveCounter(new Counter(12, List.of("passport"), false));

        List<Counter> counters = stores.queue().counters();
        assertEquals(before + 2, counters.size());
        assertEquals(new Counter(11, List.of(), true), counters.get(counters.size() - 2));
        assertEquals(new Counter(12, List.of("passport"), false), counters.get(counters.size() - 1));
        List<Integer> numbers = counters.stream().map(Counter::number).toList();
        assertEquals(numbers.stream().sorted().toList(), numbers, "by number");
    }
}
