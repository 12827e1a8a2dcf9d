package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.FigureRow;

/**
 * The open figures cannot be made expensive by asking often: a period is computed once a minute, by one of the
 * askers, and at most two periods at once.
 */
class FigureCacheTest {
    private static final LocalDate FROM = LocalDate.of(2025, 12, 2);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);

    private final AtomicLong now = new AtomicLong();
    private final FigureCache cache = new FigureCache(now::get);

    @Test
    void manyAskersAtOnceShareOneComputationAndAMinuteLaterItIsDoneAgain() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService askers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<FigureRow>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(askers.submit(() -> cache.get(FROM, TO, TODAY, () -> {
                    computed.incrementAndGet();
                    await(release);
                    return List.of();
                })));
            }
            Thread.sleep(100); // every asker is waiting for the one computation
            release.countDown();
            for (Future<List<FigureRow>> a : answers) {
                assertEquals(List.of(), a.get(5, TimeUnit.SECONDS));
            }
        } finally {
            askers.shutdownNow();
        }
        assertEquals(1, computed.get());
        cache.get(FROM, TO, TODAY, () -> List.of(fail()));
        now.addAndGet(FigureCache.FRESH_NANOS);
        cache.get(FROM, TO, TODAY, () -> {
            computed.incrementAndGet();
            return List.of();
        });
        assertEquals(2, computed.get(), "a minute later the period is computed again");
    }

    @Test
    void aPeriodThatIncludesTodayIsComputedAfreshForTheNextAsker() {
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get(FROM, TODAY, TODAY, () -> {
                computed.incrementAndGet();
                return List.of();
            });
        }
        assertEquals(3, computed.get(), "what was just rated or filed shows at once");
    }

    @Test
    void aFailedComputationIsNotKeptAndItsAskerHearsWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.get(FROM, TO, TODAY, () -> { throw new IllegalStateException("store read cut at its limit"); }));
        assertEquals("store read cut at its limit", e.getMessage());
        List<FigureRow> again = cache.get(FROM, TO, TODAY, List::of);
        assertTrue(again.isEmpty(), "the next asker computes afresh");
    }

    @Test
    void atMostTwoPeriodsAreComputedAtOnceAndAtMost64Kept() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService askers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LocalDate day = FROM.plusDays(i);
                all.add(askers.submit(() -> cache.get(day, day, TODAY, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(50);
                    running.decrementAndGet();
                    return List.of();
                })));
            }
            for (Future<?> f : all) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            askers.shutdownNow();
        }
        assertTrue(most.get() <= 2, "computed at once: " + most.get());
        for (int i = 0; i < 100; i++) {
            now.incrementAndGet();
            LocalDate day = TO.plusDays(i);
            cache.get(day, day, TODAY, List::of);
        }
        AtomicInteger again = new AtomicInteger();
        cache.get(FROM, FROM, TODAY, () -> {
            again.incrementAndGet();
            return List.of();
        });
        assertEquals(1, again.get(), "the oldest periods were dropped beyond " + FigureCache.MAX_PERIODS);
    }

    private static FigureRow fail() {
        throw new AssertionError("computed again within the minute");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
