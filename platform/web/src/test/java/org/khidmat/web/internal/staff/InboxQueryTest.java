package org.khidmat.web.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;

/** The inbox's page parameters: a cursor as the last page gave it, a capped size, and a next cursor only when full. */
class InboxQueryTest {
    @Test
    void readsTheCursorAndTheLimit() {
        InboxQuery q = InboxQuery.of(Map.of("after", "1772323200000,KM7Q-4XPA-K", "limit", "20", "status", "review"));
        assertEquals(InboxCursor.after(Instant.ofEpochMilli(1772323200000L), "KM7Q-4XPA-K"), q.after());
        assertEquals(20, q.limit());
        assertEquals("review", q.status());
        assertNull(InboxQuery.of(Map.of()).after());
        assertEquals(InboxQuery.MAX_LIMIT, InboxQuery.of(Map.of()).limit());
    }

    @Test
    void aMalformedCursorOrLimitSaysWhatIsExpected() {
        for (String after : new String[] {"KM7Q", "abc,KM7Q", ",KM7Q", "17,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboxQuery.of(Map.of("after", after)));
            assertTrue(e.getMessage().contains("'after'"), e.getMessage());
        }
        for (String limit : new String[] {"0", "201", "ten", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboxQuery.of(Map.of("limit", limit)));
            assertTrue(e.getMessage().contains("from 1 to 200"), e.getMessage());
        }
    }

    @Test
    void aFullPageGivesTheCursorAfterItsLastApplicationAndAShortOneNone() {
        InboxQuery q = InboxQuery.of(Map.of("limit", "2"));
        ApplicationRecord a = record("B", 2000);
        ApplicationRecord b = record("A", 1000);
        assertEquals(InboxCursor.after(b), q.next(List.of(a, b)));
        assertEquals("after=1000%2CA", InboxQuery.afterParameter(q.next(List.of(a, b))));
        assertNull(q.next(List.of(a)));
    }

    private static ApplicationRecord record(String reference, long at) {
        return new ApplicationRecord(reference, "nadra.cnic", 1, "nadra", "61101-*******-1", "normal", Map.of(), "submitted",
                "none", Instant.ofEpochMilli(at), Instant.ofEpochMilli(at));
    }
}
