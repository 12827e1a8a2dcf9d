package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.StatusChange;

/** Each centre collects the payments its nodes took; the country's collection is every centre's. */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreCollectionsTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    @TempDir
    Path dir;
    private Database nodeA;
    private Database nodeB;

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    private static Payment pending(String ref) {
        return new Payment(ref, "nadra.cnic", "nadra", "normal", 750, "simpay.wallet", "W-" + ref, null,
                Payment.PENDING, T, null, null);
    }

    @Test
    void aPaymentIsCollectedAtTheCentreThatTookIt() {
        nodeA = engine.open(dir);
        nodeB = engine.open(dir);
        SqlApplicationStore apps = new SqlApplicationStore(nodeA, TestChain.of(nodeA), "isb-g11");
        for (String ref : List.of("I-1", "I-2", "L-1")) {
            apps.create(new ApplicationRecord(ref, "nadra.cnic", 1, "nadra", "3520212345671", "normal", Map.of(),
                    "submitted", "none", T, T), new StatusChange(ref, T, "citizen", null, "submitted", null));
        }
        SqlPaymentStore islamabad = new SqlPaymentStore(nodeA, TestChain.of(nodeA), "isb-g11");
        SqlPaymentStore lahore = new SqlPaymentStore(nodeB, TestChain.of(nodeB), "lhr-01");
        islamabad.addIfAbsent(pending("I-1"));
        islamabad.addIfAbsent(pending("I-2"));
        lahore.addIfAbsent(pending("L-1")); // filed in Islamabad, paid at the Lahore centre
        for (String ref : List.of("I-1", "I-2", "L-1")) {
            assertTrue(islamabad.markPaid(ref, T.plusSeconds(60), "KR-" + ref));
        }
        Instant from = T.minusSeconds(3600);
        Instant to = T.plusSeconds(3600);
        assertEquals(List.of("I-1", "I-2"), refs(lahore.paidBetween("isb-g11", from, to)));
        assertEquals(List.of("L-1"), refs(islamabad.paidBetween("lhr-01", from, to)));
        assertEquals(List.of("I-1", "I-2", "L-1"), refs(islamabad.paidBetween(null, from, to)), "the country");
        assertEquals(List.of("I-1", "I-2", "L-1"), refs(islamabad.paidBetween(from, to)));
    }

    private static List<String> refs(List<Payment> payments) {
        return payments.stream().map(Payment::reference).toList();
    }
}
