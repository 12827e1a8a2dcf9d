package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.khidmat.api.platform.FigureRow;

/**
 * The open figures are public: askers of a period while it is being computed share that one computation; a period
 * that ended before today is kept for a minute (one that includes today is computed afresh for the next asker, so
 * it shows what was just filed, moved or rated); at most two periods are computed at once (the store keeps readers
 * for tracking); at most 64 periods are kept.
 */
final class FigureCache {
    static final long FRESH_NANOS = 60_000_000_000L;
    static final int MAX_PERIODS = 64;

    private record Period(LocalDate from, LocalDate to) {
    }

    private record Kept(CompletableFuture<List<FigureRow>> rows, long madeAt) {
    }

    private final Map<Period, Kept> kept = new ConcurrentHashMap<>();
    private final Semaphore computing = new Semaphore(2, true);
    private final LongSupplier nanos;

    FigureCache(LongSupplier nanos) {
        this.nanos = nanos;
    }

    List<FigureRow> get(LocalDate from, LocalDate to, LocalDate today, Supplier<List<FigureRow>> compute) {
        Period p = new Period(from, to);
        long now = nanos.getAsLong();
        long fresh = to.isBefore(today) ? FRESH_NANOS : 0;
        Kept[] made = new Kept[1];
        Kept k = kept.compute(p, (key, old) -> {
            if (old != null && !old.rows().isCompletedExceptionally()
                    && (!old.rows().isDone() || now - old.madeAt() < fresh)) {
                return old;
            }
            made[0] = new Kept(new CompletableFuture<>(), now);
            return made[0];
        });
        if (k == made[0]) {
            computeInto(k, compute);
            trim();
        }
        try {
            return k.rows().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void computeInto(Kept k, Supplier<List<FigureRow>> compute) {
        try {
            computing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            k.rows().completeExceptionally(new IllegalStateException("interrupted while waiting to compute the figures"));
            return;
        }
        try {
            k.rows().complete(List.copyOf(compute.get()));
        } catch (RuntimeException e) {
            k.rows().completeExceptionally(e);
        } finally {
            computing.release();
        }
    }

    private void trim() {
        while (kept.size() > MAX_PERIODS) {
            kept.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().madeAt()))
                    .ifPresent(oldest -> kept.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
