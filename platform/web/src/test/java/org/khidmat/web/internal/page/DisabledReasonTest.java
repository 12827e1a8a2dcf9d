package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisabledReasonTest {
    @Test
    void bothLanguagesAndTheDayBackSurviveTheStore() {
        DisabledReason r = new DisabledReason("System upgrade", "سسٹم کی اپ گریڈیشن", LocalDate.of(2026, 12, 7));
        DisabledReason back = DisabledReason.of(r.stored());
        assertEquals(r, back);
        assertEquals("سسٹم کی اپ گریڈیشن", back.in("ur"));
        assertTrue(back.html("en").contains("Monday 7 December 2026"), back.html("en"));
    }

    @Test
    void aReasonWrittenBeforeReadsAsEnglish() {
        DisabledReason r = DisabledReason.of("Record system upgrade until Monday");
        assertEquals("Record system upgrade until Monday", r.en());
        assertNull(r.ur());
        assertEquals("Record system upgrade until Monday", r.stored(), "English alone is stored as plain text");
        assertTrue(r.html("ur").contains("lang=\"en\" dir=\"ltr\""), "English in an Urdu page is marked as English");
        assertNull(DisabledReason.of(null));
    }

    @Test
    void theDayIsTypedAsDayMonthYear() {
        assertEquals(LocalDate.of(2026, 12, 7), DisabledReason.day("07/12/2026"));
        assertEquals(LocalDate.of(2026, 12, 7), DisabledReason.day("۷/۱۲/۲۰۲۶"));
        assertNull(DisabledReason.day("31/02/2026"));
        assertNull(DisabledReason.day(""));
    }
}
