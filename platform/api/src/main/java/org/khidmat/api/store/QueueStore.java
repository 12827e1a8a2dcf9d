package org.khidmat.api.store;

import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable queue tokens and counters, per centre: each centre has its own counters and its own numbers (unique per
 * centre, day and letter across every node that shares the database); a token's id is unique everywhere. The
 * methods without a centre act on {@link org.khidmat.api.platform.Centre#DEFAULT_ID}. Each method is one transaction.
 */
@ProviderType
public interface QueueStore {

    /**
     * Issues the next token of the day for a category: the category's letter (assigned A, B, C... Z, then AA, AB...
     * the first time a category is seen, kept for good; two categories never share one) and the next number of that
     * letter that day.
     *
     * @param appointment the appointment code for a check-in (called before walk-ins), or {@code null}
     * @return the new token, waiting; tokens taken at once (on any node) never share a number
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

    /**
     * Issues the next token of a centre's day, as {@link #take(String, LocalDate, String, String, String, String,
     * Instant)}, and appends its audit entry in the same transaction: the token and its entry are stored together or
     * not at all. The number is drawn as late as the store can (right before the entry and the commit), so takes of
     * other letters and centres never wait for it and takes of the same letter wait the shortest time.
     *
     * @param note the audit entry of the take, made from the new token (its number is the usual subject)
     * @return the new token, waiting
     * @since 1.1
     */
    QueueToken take(String centre, LocalDate day, String serviceId, String category, String reference,
            String appointment, Instant at, Function<QueueToken, AuditNote> note);

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
     * @return the token called, if one was waiting; counters calling at once (on any node) never call one token twice
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
     * @throws IllegalArgumentException when {@code state} is neither {@code served} nor {@code no-show}
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

    /**
     * How long the country's tokens of the days {@code from} to {@code to} inclusive waited from taken to called, for
     * the open figures: {@link #waits(String, LocalDate, LocalDate)} for every centre.
     *
     * @return per service and span the tokens in it; the tokens not called (yet) with {@code null} spans
     */
    default List<Waits> waits(LocalDate from, LocalDate to) {
        return waits(null, from, to);
    }

    /**
     * How long a centre's tokens of the days {@code from} to {@code to} inclusive waited from taken to called, for the
     * open figures: counted per service and span of wait, so a year is a few hundred rows per service rather than
     * every token. This default counts each token in a span of its own (exact, reading every token); a store may keep
     * the counts per day and answer with spans at most 2% (a minute below five hours) wide, as
     * {@link FigureFacts.Times} are.
     *
     * @param centre the centre's id, or {@code null} for every centre (the country)
     * @return per service and span the tokens in it; the tokens not called (yet) with {@code null} spans
     * @since 1.1
     */
    default List<Waits> waits(String centre, LocalDate from, LocalDate to) {
        java.util.Map<java.util.List<Object>, Integer> counted = new java.util.LinkedHashMap<>();
        for (QueueToken t : tokens(centre, from, to)) {
            Duration waited = t.calledAt() == null ? null : Duration.between(t.takenAt(), t.calledAt());
            counted.merge(java.util.Arrays.asList(t.serviceId(), waited), 1, Integer::sum);
        }
        List<Waits> out = new java.util.ArrayList<>();
        counted.forEach((k, n) -> out.add(new Waits((String) k.get(0), (Duration) k.get(1), (Duration) k.get(1), n)));
        return out;
    }

    /**
     * Tokens of one service whose wait from taken to called was more than {@code above} and at most {@code upTo}, or
     * exactly that when they are equal; both {@code null} for the tokens not called (yet).
     *
     * @param serviceId the service the tokens were taken for
     * @param above the span's start, exclusive, or {@code null}
     * @param upTo the span's end, inclusive, or {@code null}
     * @param tokens how many tokens
     */
    record Waits(String serviceId, Duration above, Duration upTo, int tokens) {
    }

    /** @return the most recently served tokens of a service, newest first, at most {@code limit} (0 or less: none) */
    List<QueueToken> recentlyServed(String serviceId, int limit);

    /**
     * Where a token stands in its category's line at its centre on its day, read by index (two counts of the waiting
     * tokens, not the day's tokens); this default reads the day's tokens.
     *
     * @param centre the token's centre
     * @param token the token
     * @return its place; {@link Queue.Place#NONE} when it is not waiting
     * @since 1.3
     */
    default Queue.Place place(String centre, QueueToken token) {
        return Queue.Place.in(token, tokens(centre, token.day(), token.day()));
    }

    /**
     * @param centre a centre
     * @param day a day
     * @param category a category
     * @return how many tokens of the category wait at the centre on that day, counted by index; this default reads
     *         the day's tokens
     * @since 1.3
     */
    default int waiting(String centre, LocalDate day, String category) {
        return (int) tokens(centre, day, day).stream()
                .filter(t -> QueueToken.WAITING.equals(t.state()) && category.equals(t.category())).count();
    }

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
