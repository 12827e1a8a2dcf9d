package org.khidmat.web.internal.hall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

/** A queue held in memory for the web's unit tests: today's tokens as set, and its change listeners. */
public final class FakeQueue implements Queue {
    final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    volatile List<QueueToken> today = List.of();

    static QueueToken token(long id, String number, String category, String state, int counter, Instant taken, Instant called,
            String appointment) {
        return new QueueToken(id, LocalDate.of(2026, 1, 5), number, "svc." + category, category, null, state, counter, taken,
                called, null, appointment);
    }

    /** Replaces today's tokens and tells the listeners, as the real queue does after a change. */
    void change(List<QueueToken> tokens) {
        today = List.copyOf(tokens);
        listeners.forEach(Runnable::run);
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many times the whole day was read ({@link #today()}). */
    volatile int todayReads;

    @Override
    public List<QueueToken> today() {
        todayReads++;
        return today;
    }

    /** As the centre's queue does it: counted in the store (here from the list, without a read of the day). */
    @Override
    public Place place(QueueToken token) {
        return Place.in(token, today);
    }

    @Override
    public QueueToken take(String serviceId, String reference) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueueToken checkIn(String serviceId, String reference, String appointment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<QueueToken> callNext(int counter, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<QueueToken> finish(long tokenId, boolean served, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<QueueToken> token(long id) {
        return today.stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public Optional<QueueToken> attach(long tokenId, String reference, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Duration> estimatedWait(String serviceId) {
        return Optional.empty();
    }

    @Override
    public List<Counter> counters() {
        return List.of();
    }

    @Override
    public void saveCounter(Counter counter, String actor) {
        throw new UnsupportedOperationException();
    }
}
