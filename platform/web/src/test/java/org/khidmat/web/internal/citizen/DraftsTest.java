package org.khidmat.web.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Drafts were stored before their answers were checked, up to the body limit, 20,000 at a time: the heap filled, and
 * the eviction wiped real citizens' drafts. One address now holds a bounded number of bounded drafts and evicts only
 * its own.
 */
class DraftsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Drafts drafts = new Drafts(now::get);

    @Test
    void oneAddressStartingDraftsWithoutEndEvictsOnlyItsOwn() {
        Drafts.Opened citizen = drafts.open("10.0.0.1", "police.cert");
        List<String> attacker = new ArrayList<>();
        for (int i = 0; i < 5 * Drafts.PER_ADDRESS; i++) {
            now.addAndGet(1_000_000);
            attacker.add(drafts.open("6.6.6.6", "police.cert").key());
        }
        assertNotNull(drafts.get(citizen.key()), "the citizen's draft is kept");
        assertEquals(Drafts.PER_ADDRESS + 1, drafts.size(), "the attacker holds " + Drafts.PER_ADDRESS + " at most");
        assertNull(drafts.get(attacker.get(0)), "the attacker's oldest went");
        assertNotNull(drafts.get(attacker.get(attacker.size() - 1)));
    }

    @Test
    void aDraftHoldsBoundedAnswersOnly() {
        Drafts.Draft d = drafts.open("10.0.0.1", "police.cert").draft();
        Map<String, String> huge = Map.of("purpose", "x".repeat(Drafts.DRAFT_CHARS + 1));
        assertFalse(Drafts.fits(huge));
        assertThrows(IllegalArgumentException.class, () -> drafts.keep(d, huge));
        assertTrue(d.answers.isEmpty(), "nothing of it kept");
        drafts.keep(d, Map.of("purpose", "visa"));
        assertEquals("visa", d.answers.get("purpose"));
    }
}
