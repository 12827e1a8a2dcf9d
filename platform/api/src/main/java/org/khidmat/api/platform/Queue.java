package org.khidmat.api.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's queue: tokens per service ({@code B-017}: a letter per category, a number per day), counters that
 * call the oldest waiting token they serve, and an estimate of the wait. Every change is written to the audit log.
 */
@ProviderType
public interface Queue {

    /**
     * Takes a token for a service.
     *
     * @param serviceId a service in the catalogue
     * @param reference an application reference it belongs to, or {@code null}
     * @return the token
     * @throws java.util.NoSuchElementException when the catalogue has no such service
     * @throws IllegalArgumentException when the reference is not an application for that service
     * @throws IllegalStateException when the service is disabled
     */
    QueueToken take(String serviceId, String reference);

    /**
     * Takes a token for a checked-in appointment; it is called before walk-in tokens. {@link Appointments} calls
     * this once the arrival rules are met.
     *
     * @param serviceId the appointment's service
     * @param reference the application it is for, or {@code null}
     * @param appointment the appointment code
     * @return the token
     */
    QueueToken checkIn(String serviceId, String reference, String appointment);

    /**
     * Calls the next token of today waiting for a category this counter serves: checked-in appointments first,
     * then the oldest.
     *
     * @param counter the counter number
     * @param actor the operator, for the audit log
     * @return the token called, or empty when nothing is waiting for it (or the counter is unknown or closed)
     */
    Optional<QueueToken> callNext(int counter, String actor);

    /**
     * Finishes a called token.
     *
     * @param tokenId the token
     * @param served {@code true} when served, {@code false} for a no-show
     * @param actor the operator
     * @return the token as it is now, or empty when it is unknown or not in state {@code called}
     */
    Optional<QueueToken> finish(long tokenId, boolean served, String actor);

    /** @return the token with that id */
    Optional<QueueToken> token(long id);

    /**
     * Ties a token to the application the operator started for its citizen at the counter, so that one reference
     * ties token, application, payment and rating together.
     *
     * @param tokenId the token
     * @param reference the application reference as typed
     * @param actor the operator
     * @return the token as it is now; empty when the token or the application is unknown
     */
    Optional<QueueToken> attach(long tokenId, String reference, String actor);

    /**
     * Registers a listener called (on the thread that made the change) after every change to today's tokens or
     * the counters: the hall display pushes from it.
     *
     * @param listener what to call; it must return quickly and not throw
     * @return closing it removes the listener
     */
    AutoCloseable onChange(Runnable listener);

    /** @return today's tokens, oldest first */
    List<QueueToken> today();

    /**
     * The estimated wait for a token taken now: the median service time of the service's recently served
     * tokens, times the tokens waiting in its category, divided by the open counters serving it.
     *
     * @param serviceId a service
     * @return the estimate; empty when no open counter serves it
     */
    Optional<Duration> estimatedWait(String serviceId);

    /**
     * Where a token stands in its category's line at this centre: the waiting tokens a counter calls before it
     * (checked-in appointments first, then the oldest, as {@link #callNext} calls them) and all the waiting tokens of
     * its category. The centre's queue reads the two counts by index, not today's tokens; this default counts
     * {@link #today()}.
     *
     * @param token a token of this centre
     * @return its place; {@code (0, 0)} when it is not waiting
     * @since 2.2
     */
    default Place place(QueueToken token) {
        return Place.in(token, today());
    }

    /**
     * A waiting token's place in its category's line.
     *
     * @param ahead waiting tokens of its category called before it
     * @param waiting waiting tokens of its category, itself included
     * @since 2.2
     */
    record Place(int ahead, int waiting) {
        /** Nowhere: the token is not waiting. */
        public static final Place NONE = new Place(0, 0);

        /**
         * Counts a token's place among a day's tokens, for a queue or store that has them at hand.
         *
         * @param token the token
         * @param day tokens of its centre and day
         * @return its place; {@link #NONE} when it is not waiting
         */
        public static Place in(QueueToken token, List<QueueToken> day) {
            if (!QueueToken.WAITING.equals(token.state())) {
                return NONE;
            }
            int ahead = 0;
            int waiting = 0;
            for (QueueToken t : day) {
                if (QueueToken.WAITING.equals(t.state()) && token.category().equals(t.category())) {
                    waiting++;
                    if (t.id() != token.id() && before(t, token)) {
                        ahead++;
                    }
                }
            }
            return new Place(ahead, waiting);
        }

        /** @return whether counters call {@code a} before {@code b}: appointments first, then the oldest, then by id */
        public static boolean before(QueueToken a, QueueToken b) {
            boolean aLate = a.appointment() == null;
            boolean bLate = b.appointment() == null;
            if (aLate != bLate) {
                return bLate;
            }
            int byTime = a.takenAt().compareTo(b.takenAt());
            return byTime != 0 ? byTime < 0 : a.id() < b.id();
        }
    }

    /** @return the counters, by number */
    List<Counter> counters();

    /**
     * Adds or changes a counter.
     *
     * @param counter the counter
     * @param actor who, for the audit log
     */
    void saveCounter(Counter counter, String actor);
}
