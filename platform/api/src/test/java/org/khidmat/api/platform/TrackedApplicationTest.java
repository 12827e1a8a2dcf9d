package org.khidmat.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Agency;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.descriptor.Transition;
import org.khidmat.api.descriptor.Workflow;

/** The moves possible now: what the workflow allows, less what waits for the fee (only a refusal comes before it). */
class TrackedApplicationTest {
    private static final Text T = new Text("x", "x");
    private static final ServiceDescriptor POLICE = new ServiceDescriptor("p.cert", 1, new Agency("p", T), "police", T, T, T,
            List.of(), List.of(new FeeTier("normal", T, 500, 7)), List.of(), new Workflow("submitted",
                    List.of(new State("submitted", T, false), new State("verification", T, false), new State("rejected", T, true)),
                    List.of(new Transition("submitted", "verification", T, false), new Transition("submitted", "rejected", T, true))),
            false, "test");

    private static TrackedApplication in(String payment) {
        return new TrackedApplication(new ApplicationRecord("ABCD-EFGH-J", "p.cert", 1, "p", "6110112345671", "normal", Map.of(),
                "submitted", payment, Instant.EPOCH, Instant.EPOCH), POLICE, List.of());
    }

    @Test
    void beforePaymentOnlyARefusalIsPossible() {
        for (String unpaid : List.of("due", "pending")) {
            TrackedApplication t = in(unpaid);
            assertEquals(List.of("verification", "rejected"), t.next().stream().map(Transition::to).toList());
            assertEquals(List.of("rejected"), t.possible().stream().map(Transition::to).toList());
            assertTrue(t.waitsForPayment("verification"));
            assertFalse(t.waitsForPayment("rejected"));
        }
    }

    @Test
    void oncePaidOrWithNoFeeEveryMoveOfTheWorkflowIsPossible() {
        for (String settled : List.of("paid", "none")) {
            assertEquals(List.of("verification", "rejected"), in(settled).possible().stream().map(Transition::to).toList());
        }
    }
}
