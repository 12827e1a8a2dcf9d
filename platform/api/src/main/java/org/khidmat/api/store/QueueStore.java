package org.khidmat.api.store;

import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.QueueToken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable queue tokens and counters, per centre: each centre has its own counters and its own numbers (unique per
 * centre, day and letter across every node that shares the database); a token's id is unique everywhere. The
 * methods without a centre act on {@link org.khidmat.api.platform.Centre#DEFAULT_ID}. Each method is one transaction.
 */
@ProviderType
public interface QueueStore {

    /**
     * Issues the next token of the day for a category: the category's letter (assigned A, B, C... the first
     * time a category is seen, kept for good) and the next number of that letter that day.
     *
     * @param appointment the appointment code for a check-in (called before walk-ins), or {@code null}
     * @return the new token, waiting
     */
    default QueueToken take(LocalDate day, String serviceId, String category, String reference, String appointment,
            Instant at) {
        return take(Centre.DEFAULT_ID, day, serviceId, category, reference, appointment, at);
    }

    /**
     * Issues the next token of the day of a centre for a category: the next number of the category's letter for
     * that centre and day, drawn from one counter row per (centre, day, letter), so two nodes of one centre never
     * give the same number and numbers have no gaps.
     *
     * @param centre the centre's id
     * @return the new token, waiting
     * @since 1.1
     */
    QueueToken take(String centre, LocalDate day, String serviceId, String category, String reference,
            String appointment, Instant at);

    /** @return the token with that id */
    Optional<QueueToken> token(long id);

    /**
     * Ties a token to an application reference.
     *
     * @return {@code false} when the token is unknown
     */
    boolean attach(long id, String reference);

    /**
     * Moves the first waiting token of the day in one of the categories (appointments first, then oldest) to {@code called} at the counter.
     *
     * @param categories the categories; empty means any
     * @return the token called, if one was waiting
     */
    default Optional<QueueToken> callNext(LocalDate day, Collection<String> categories, int counter, Instant at) {
        return callNext(Centre.DEFAULT_ID, day, categories, counter, at);
    }

    /**
     * Calls the first waiting token of a centre's day, as {@link #callNext(LocalDate, Collection, int, Instant)}.
     *
     * @since 1.1
     */
    Optional<QueueToken> callNext(String centre, LocalDate day, Collection<String> categories, int counter, Instant at);

    /**
     * Moves a called token to {@code served} or {@code no-show}.
     *
     * @return the token as it is now; empty when unknown or not called
     */
    Optional<QueueToken> finish(long id, String state, Instant at);

    /** @return the tokens of the days {@code from} to {@code to} inclusive, oldest first */
    default List<QueueToken> tokens(LocalDate from, LocalDate to) {
        return tokens(Centre.DEFAULT_ID, from, to);
    }

    /**
     * @param centre the centre's id, or {@code null} for every centre (the country's figures)
     * @return a centre's tokens of the days {@code from} to {@code to} inclusive, oldest first
     * @since 1.1
     */
    List<QueueToken> tokens(String centre, LocalDate from, LocalDate to);

    /** @return the most recently served tokens of a service, newest first */
    List<QueueToken> recentlyServed(String serviceId, int limit);

    /** @return the counters, by number */
    default List<Counter> counters() {
        return counters(Centre.DEFAULT_ID);
    }

    /** Adds or replaces a counter. */
    default void saveCounter(Counter counter) {
        saveCounter(Centre.DEFAULT_ID, counter);
    }

    /**
     * @return a centre's counters, by number; a centre seen for the first time gets six counters serving everything
     * @since 1.1
     */
    List<Counter> counters(String centre);

    /**
     * Adds or replaces a counter of a centre.
     *
     * @since 1.1
     */
    void saveCounter(String centre, Counter counter);
}
