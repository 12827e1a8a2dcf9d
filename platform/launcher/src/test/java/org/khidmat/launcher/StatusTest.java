package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void eachCheckIsNamedWithItsStatusAndOnlyTheCentresStatusDecidesUp() {
        Status.Fields f = Status.fields("{\"status\":\"UP\",\"services\":41,\"agencies\":13,\"bundles\":15,\"instance\":\"x\","
                + "\"checks\":{\"deployer\":{\"status\":\"OK\",\"readiness\":true},\"disk\":{\"status\":\"WARN\"}}}");
        assertTrue(f.up());
        assertEquals(" status=UP services=41 agencies=13 bundles=15 check.deployer=OK check.disk=WARN", f.text());
    }

    @Test
    void aCentreStartingOrDownIsNotUpEvenWhenItsChecksAreOk() {
        Status.Fields f = Status.fields("{\"status\":\"STARTING\",\"checks\":{\"store\":{\"status\":\"OK\"}}}");
        assertFalse(f.up());
        assertEquals(" status=STARTING check.store=OK", f.text());
    }

    @Test
    void anAnswerThatIsNoJsonIsSaidSo() {
        Status.Fields f = Status.fields("<html>");
        assertFalse(f.up());
        assertEquals(" health=unreadable", f.text());
    }
}
