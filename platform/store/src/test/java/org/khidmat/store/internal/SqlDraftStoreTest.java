package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.khidmat.api.store.DraftStore;
import org.khidmat.api.store.StoredDraft;

/**
 * Citizens' drafts in the database, on both engines, with two store instances over one database standing for two
 * nodes behind a balancer that does not stick.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SqlDraftStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final String CNIC = "61101-1234567-1";
    @Parameter
    Engine engine;
    @TempDir
    Path dir;
    private Database dbA;
    private Database dbB;
    private SqlDraftStore nodeA;
    private SqlDraftStore nodeB;
    private int ids;

    @BeforeEach
    void open() {
        dbA = engine.open(dir);
        dbB = engine.open(dir);
        nodeA = new SqlDraftStore(dbA);
        nodeB = new SqlDraftStore(dbB);
    }

    @AfterEach
    void close() {
        dbA.close();
        dbB.close();
    }

    private String id() {
        return "cookie-id-" + (++ids) + "-AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    }

    @Test
    void aDraftStartedOnOneNodeContinuesOnTheOther() {
        String id = id();
        nodeA.open(id, "10.0.0.1", StoredDraft.of("police.cert").withToken(7, "A-007", "clerk1"), T0);
        StoredDraft onB = nodeB.find(id, T0.plusSeconds(5)).orElseThrow();
        assertEquals("police.cert", onB.serviceId());
        assertEquals(T0, onB.touched());
        assertEquals(7, onB.tokenId());
        assertEquals("A-007", onB.tokenNumber());
        assertEquals("clerk1", onB.operator());
        assertTrue(nodeB.save(id, onB.withTier("normal").withAnswers(Map.of("fullName", "Ayesha Khan", "cnic", CNIC)),
                T0.plusSeconds(10)));
        StoredDraft onA = nodeA.find(id, T0.plusSeconds(20)).orElseThrow();
        assertEquals("normal", onA.tier());
        assertEquals(Map.of("fullName", "Ayesha Khan", "cnic", CNIC), onA.answers());
        assertEquals(T0.plusSeconds(10), onA.touched());
        assertTrue(nodeA.save(id, onA.withReference("KM7Q-4XPA-K"), T0.plusSeconds(30)));
        assertEquals("KM7Q-4XPA-K", nodeB.find(id, T0.plusSeconds(31)).orElseThrow().reference());
        assertTrue(nodeB.find(id(), T0).isEmpty(), "another id finds nothing");
    }

    @Test
    void theRowHoldsNoPlainAnswerAndNoCookieId() {
        String id = id();
        nodeA.open(id, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        nodeA.save(id, StoredDraft.of("police.cert").withAnswers(Map.of("cnic", CNIC, "fullName", "Ayesha Khan")), T0);
        List<byte[]> cells = new ArrayList<>();
        String keyHash = dbA.read("t", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT key_hash, address_hash, body FROM draft");
                    ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next());
                String key = rows.getString(1);
                cells.add(key.getBytes(StandardCharsets.UTF_8));
                cells.add(rows.getString(2).getBytes(StandardCharsets.UTF_8));
                cells.add(rows.getBytes(3));
                assertFalse(rows.next());
                return key;
            }
        });
        assertEquals(DraftSeal.keyHash(id), keyHash);
        assertEquals(64, keyHash.length(), "a SHA-256 in hex");
        for (byte[] cell : cells) {
            String text = new String(cell, StandardCharsets.ISO_8859_1);
            for (String secret : List.of(id, CNIC, "6110112345671", "Ayesha", "police.cert", "10.0.0.1")) {
                assertFalse(text.contains(secret), "a stored cell holds " + secret);
            }
        }
        byte[] body = cells.get(2);
        String other = id();
        nodeA.open(other, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        dbA.write("t", c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE draft SET body = ? WHERE key_hash = ?")) {
                u.setBytes(1, body);
                u.setString(2, DraftSeal.keyHash(other));
                return u.executeUpdate();
            }
        });
        assertTrue(nodeB.find(other, T0).isEmpty(), "a body moved to another row does not open there");
        assertEquals(CNIC, nodeB.find(id, T0).orElseThrow().answers().get("cnic"));
        assertThrows(IllegalArgumentException.class, () -> nodeA.open("short", "10.0.0.1", StoredDraft.of("x"), T0));
    }

    @Test
    void oneAddressStartingDraftsWithoutEndEvictsOnlyItsOwn() {
        String citizen = id();
        nodeA.open(citizen, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        List<String> attacker = new ArrayList<>();
        for (int i = 0; i < 3 * DraftStore.PER_ADDRESS; i++) {
            String id = id();
            (i % 2 == 0 ? nodeA : nodeB).open(id, "6.6.6.6", StoredDraft.of("police.cert"), T0.plusMillis(1 + i));
            attacker.add(id);
        }
        Instant later = T0.plusSeconds(1);
        assertTrue(nodeB.find(citizen, later).isPresent(), "the citizen's draft is kept");
        assertEquals(DraftStore.PER_ADDRESS + 1, nodeA.count(), "the attacker holds " + DraftStore.PER_ADDRESS + " at most");
        assertTrue(nodeA.find(attacker.get(0), later).isEmpty(), "the attacker's oldest went");
        assertTrue(nodeA.find(attacker.get(attacker.size() - 1), later).isPresent());
    }

    @Test
    void theWholeDatabaseFullEvictsTheOldestOfTheAddressHoldingTheMost() {
        SqlDraftStore small = new SqlDraftStore(dbA, 20, 6, 1_000);
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busy.add(id());
            small.open(busy.get(i), "10.0.0.9", StoredDraft.of("s"), T0.plusMillis(i));
        }
        String quiet = id();
        small.open(quiet, "10.0.0.1", StoredDraft.of("s"), T0.plusMillis(10));
        small.open(id(), "10.0.0.2", StoredDraft.of("s"), T0.plusMillis(11));
        assertEquals(6, small.count());
        small.open(id(), "10.0.0.3", StoredDraft.of("s"), T0.plusMillis(12));
        assertEquals(6, small.count(), "full: one gave way");
        assertTrue(small.find(busy.get(0), T0.plusSeconds(1)).isEmpty(), "the oldest of the address holding the most");
        assertTrue(small.find(quiet, T0.plusSeconds(1)).isPresent());

        String heavy = id();
        small.open(heavy, "10.0.0.4", StoredDraft.of("s"), T0.plusMillis(20));
        small.save(heavy, StoredDraft.of("s").withAnswers(Map.of("a", "x".repeat(999))), T0.plusMillis(21));
        String next = id();
        small.open(next, "10.0.0.5", StoredDraft.of("s"), T0.plusMillis(22));
        assertTrue(small.find(next, T0.plusSeconds(1)).isPresent());
        assertTrue(small.find(busy.get(1), T0.plusSeconds(1)).isEmpty(), "over the character budget: room made again");
    }

    @Test
    void aDraftIdleTwoHoursIsGoneAndSweptByTheNextOpen() {
        String id = id();
        nodeA.open(id, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        Instant idle = T0.plus(DraftStore.IDLE).plusMillis(1);
        assertTrue(nodeB.find(id, T0.plus(DraftStore.IDLE)).isPresent(), "two hours to the millisecond: still there");
        assertTrue(nodeB.find(id, idle).isEmpty());
        assertFalse(nodeB.save(id, StoredDraft.of("police.cert"), idle), "an idle draft is not brought back");
        assertFalse(nodeB.touch(id, idle));
        assertEquals(1, nodeA.count(), "kept until an open sweeps");
        nodeB.open(id(), "10.0.0.2", StoredDraft.of("police.cert"), idle);
        assertEquals(1, nodeA.count(), "the idle one was deleted");

        String kept = id();
        nodeA.open(kept, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        assertTrue(nodeB.touch(kept, T0.plusSeconds(3600)));
        assertTrue(nodeA.find(kept, T0.plusSeconds(3600).plus(DraftStore.IDLE)).isPresent(), "a touch keeps it");
    }

    @Test
    void aDraftHoldsBoundedAnswersOnly() {
        String id = id();
        nodeA.open(id, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        StoredDraft huge = StoredDraft.of("police.cert").withAnswers(Map.of("purpose", "x".repeat(DraftStore.DRAFT_CHARS)));
        assertThrows(IllegalArgumentException.class, () -> nodeA.save(id, huge, T0));
        assertThrows(IllegalArgumentException.class, () -> nodeA.open(id(), "10.0.0.1", huge, T0));
        assertTrue(nodeB.find(id, T0).orElseThrow().answers().isEmpty(), "nothing of it kept");
        assertEquals(1, nodeB.count());
        StoredDraft most = StoredDraft.of("police.cert").withAnswers(Map.of("p", "x".repeat(DraftStore.DRAFT_CHARS - 1)));
        assertTrue(nodeA.save(id, most, T0));
        assertEquals(most.answers(), nodeB.find(id, T0).orElseThrow().answers());
    }

    @Test
    void ofTwoNodesFilingOneDraftAtOnceOneHoldsTheClaim() {
        String id = id();
        nodeA.open(id, "10.0.0.1", StoredDraft.of("police.cert"), T0);
        assertTrue(nodeA.claim(id, T0, T0.plusSeconds(30)));
        assertFalse(nodeB.claim(id, T0.plusSeconds(1), T0.plusSeconds(31)), "a double click on the other node waits");
        assertTrue(nodeA.save(id, StoredDraft.of("police.cert").withReference("KM7Q-4XPA-K"), T0.plusSeconds(2)));
        assertTrue(nodeB.claim(id, T0.plusSeconds(3), T0.plusSeconds(33)), "a save ends the claim");
        assertTrue(nodeA.claim(id, T0.plusSeconds(34), T0.plusSeconds(64)), "a claim of a node that died ends");
        assertFalse(nodeA.claim(id(), T0, T0.plusSeconds(30)), "no draft, no claim");
        assertNotEquals(DraftSeal.keyHash(id), DraftSeal.keyHash(id + "x"));
    }
}
