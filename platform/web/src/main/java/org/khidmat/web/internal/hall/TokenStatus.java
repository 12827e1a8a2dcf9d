package org.khidmat.web.internal.hall;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

/**
 * Where a token stands: how many waiting tokens of its category are called before it (checked-in appointments
 * first, then the oldest, as {@link Queue#callNext} calls them), and its wait.
 *
 * @param token the token
 * @param ahead waiting tokens called before it; 0 when it is not waiting
 * @param waiting all waiting tokens of its category, itself included
 * @param estimate its estimated wait; empty when no open counter serves it or it is not waiting
 */
public record TokenStatus(QueueToken token, int ahead, int waiting, Optional<Duration> estimate) {

    /** The order in which counters call waiting tokens. */
    public static final Comparator<QueueToken> CALL_ORDER = Comparator.<QueueToken, Boolean>comparing(t -> t.appointment() == null)
            .thenComparing(QueueToken::takenAt).thenComparingLong(QueueToken::id);

    /**
     * Reads the token's place in its line (two counts by index, not today's tokens) and the queue's estimate for its
     * service once.
     */
    public static TokenStatus of(Queue queue, QueueToken token) {
        if (!QueueToken.WAITING.equals(token.state())) {
            return new TokenStatus(token, 0, 0, Optional.empty());
        }
        Queue.Place place = queue.place(token);
        return new TokenStatus(token, place.ahead(), place.waiting(),
                share(queue.estimatedWait(token.serviceId()), place.ahead(), place.waiting()));
    }

    /**
     * The queue estimates the wait of a token taken now as the service time times every waiting token of the
     * category over the open counters ({@link Queue#estimatedWait}); a token with fewer ahead of it waits that
     * share of it.
     *
     * @param estimate the queue's estimate for the service
     * @param ahead tokens ahead of this one
     * @param waiting waiting tokens of the category, this one included
     * @return this token's wait
     */
    static Optional<Duration> share(Optional<Duration> estimate, int ahead, int waiting) {
        if (estimate.isEmpty() || waiting <= 0) {
            return estimate;
        }
        return Optional.of(estimate.get().multipliedBy(ahead).dividedBy(waiting));
    }

    /** @return the wait in whole minutes, rounded up; empty when there is no estimate */
    Optional<Long> minutes() {
        return estimate.map(d -> (d.toSeconds() + 59) / 60);
    }
}
