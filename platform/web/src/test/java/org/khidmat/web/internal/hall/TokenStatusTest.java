package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.page.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.QueueToken;

/** Where a token stands in the queue, and its share of the queue's wait estimate. */
class TokenStatusTest {
    private static final Instant T = Instant.parse("2026-01-05T05:00:00Z");

    private static QueueToken waiting(long id, String category, int minute, String appointment) {
        return FakeQueue.token(id, "X-" + id, category, QueueToken.WAITING, 0, T.plusSeconds(60L * minute), null, appointment);
    }

    @Test
    void countsTheWaitingOfItsCategoryCalledBeforeItWithoutReadingTheDay() {
        QueueToken mine = waiting(5, "identity", 5, null);
        List<QueueToken> today = List.of(
                waiting(1, "identity", 1, null),
                waiting(2, "police", 2, null), // another category
                FakeQueue.token(3, "X-3", "identity", QueueToken.CALLED, 2, T, T, null), // called already
                waiting(4, "identity", 4, null),
                mine,
                waiting(6, "identity", 6, null), // after it
                waiting(7, "identity", 7, "KM7Q-4XPA-K")); // a later appointment is called first
        FakeQueue queue = new FakeQueue();
        queue.change(today);
        TokenStatus status = TokenStatus.of(queue, mine);
        assertEquals(3, status.ahead());
        assertEquals(5, status.waiting());
        assertEquals(0, TokenStatus.of(queue, today.get(6)).ahead(), "checked-in appointments go first");
        assertEquals(0, queue.todayReads, "a token's status reads its place, not the day's tokens");
    }

    @Test
    void takesItsShareOfTheEstimateForEveryWaitingToken() {
        Optional<Duration> all = Optional.of(Duration.ofMinutes(40)); // 5 min x 8 waiting / 1 counter
        assertEquals(Optional.of(Duration.ofMinutes(15)), TokenStatus.share(all, 3, 8));
        assertEquals(Optional.of(Duration.ZERO), TokenStatus.share(all, 0, 8));
        assertEquals(Optional.empty(), TokenStatus.share(Optional.empty(), 3, 8), "no counter serves it");
    }

    @Test
    void minutesRoundUp() {
        QueueToken t = waiting(1, "identity", 0, null);
        assertEquals(Optional.of(3L), new TokenStatus(t, 2, 3, Optional.of(Duration.ofSeconds(121))).minutes());
        assertEquals(Optional.empty(), new TokenStatus(t, 2, 3, Optional.empty()).minutes());
    }

    @Test
    void theWaitIsSaidWithTheRightNumber() {
        assertEquals("About 1 minute", waitWords(Duration.ofSeconds(50), "en"));
        assertEquals("About 3 minutes", waitWords(Duration.ofSeconds(121), "en"));
        assertEquals("تقریباً 3 منٹ", waitWords(Duration.ofSeconds(121), "ur"));
    }

    /** @return the wait in words of a token with two ahead of three waiting, the queue estimating {@code estimate} */
    private static String waitWords(Duration estimate, String lang) {
        TokenStatus s = new TokenStatus(waiting(1, "identity", 0, null), 2, 3, Optional.of(estimate));
        return new KioskPages.Token(s, "s").waitWords(Messages.of(Messages.HALL, lang));
    }
}
