package org.khidmat.web.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.http.ServiceAway;

/**
 * Drafts were stored before their answers were checked, up to the body limit: only bounded drafts of checked answers
 * are kept. Drafts are now a thin layer over the database ({@code DraftStore}; its limits per address and in all are
 * tested with the store, {@code SqlDraftStoreTest}, on both engines): two instances over one database are two nodes.
 */
class DraftsTest {
    private final MemoryDraftStore store = new MemoryDraftStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
    private final Drafts drafts = new Drafts(store, clock);

    @Test
    void aDraftHoldsBoundedAnswersOnly() {
        Drafts.Opened opened = drafts.open("10.0.0.1", "police.cert");
        Drafts.Draft d = opened.draft();
        Map<String, String> huge = Map.of("purpose", "x".repeat(Drafts.DRAFT_CHARS + 1));
        assertFalse(Drafts.fits(huge));
        int writes = store.writes.get();
        assertThrows(IllegalArgumentException.class, () -> drafts.keep(d, huge));
        assertTrue(d.answers.isEmpty(), "nothing of it kept");
        assertEquals(writes, store.writes.get(), "nothing of it written");
        assertTrue(drafts.keep(d, Map.of("purpose", "visa")));
        assertEquals("visa", d.answers.get("purpose"));
        assertEquals("visa", drafts.get(opened.key()).answers.get("purpose"), "kept in the database");
    }

    @Test
    void aDraftStartedOnOneNodeContinuesOnAnother() {
        Drafts nodeB = new Drafts(store, clock);
        Drafts.Opened opened = drafts.open("10.0.0.1", "police.cert");
        Drafts.Draft onB = nodeB.get(opened.key());
        assertNotNull(onB, "node b finds node a's draft");
        onB.tier = "normal";
        assertTrue(nodeB.keep(onB, Map.of("purpose", "visa")));
        Drafts.Draft onA = drafts.get(opened.key());
        assertEquals("normal", onA.tier);
        assertEquals(Map.of("purpose", "visa"), onA.answers);
        assertNull(drafts.get("another-key-of-thirty-two-chars-x"));
        assertEquals(1, nodeB.size());
    }

    @Test
    void aWriteTheDatabaseRefusesIsA503AndTheDraftKeepsWhatItHad() {
        Drafts.Opened opened = drafts.open("10.0.0.1", "police.cert");
        drafts.keep(opened.draft(), Map.of("purpose", "visa"));
        store.failWrites = true;
        ServiceAway e = assertThrows(ServiceAway.class, () -> drafts.keep(opened.draft(), Map.of("purpose", "study")));
        assertTrue(e.en().contains("could not be saved") && e.en().contains("send the page again"), e.en());
        assertFalse(e.ur().isBlank());
        assertEquals("visa", opened.draft().answers.get("purpose"), "the page does not act as if the answer were kept");
        assertThrows(ServiceAway.class, () -> drafts.open("10.0.0.1", "police.cert"));
        store.failWrites = false;
        assertEquals("visa", drafts.get(opened.key()).answers.get("purpose"));
    }
}
