package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;

/** A service enabled everywhere or in chosen centres, over one database file opened by two nodes. */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreServiceStatesTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    @TempDir
    Path dir;
    private Database nodeA;
    private Database nodeB;
    private SqlServiceStates islamabad;
    private SqlServiceStates lahore;

    @BeforeEach
    void open() {
        nodeA = engine.open(dir);
        nodeB = engine.open(dir);
        islamabad = new SqlServiceStates(nodeA, TestChain.of(nodeA));
        lahore = new SqlServiceStates(nodeB, TestChain.of(nodeB));
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aServiceDisabledInOneCentreStaysOpenInTheOthers() {
        islamabad.put(ServiceState.of("dgip.passport", "isb-g11", false, "printer down", "admin", T),
                AuditNote.of("admin", "service.disable", "dgip.passport", "isb-g11: printer down"));
        assertFalse(lahore.all("isb-g11").get("dgip.passport").enabled(), "any node of Islamabad sees it");
        assertEquals("isb-g11", lahore.all("isb-g11").get("dgip.passport").centre());
        assertNull(lahore.all("lhr-01").get("dgip.passport"), "Lahore has no state for it: enabled");
        assertTrue(lahore.all().isEmpty(), "nothing was set for all centres");
    }

    @Test
    void aCentresOwnStateBeatsTheNationalOneUntilTheNationalOneIsSetAgain() {
        lahore.put(ServiceState.of("nadra.cnic", false, "NADRA's link is down", "admin", T));
        islamabad.put(ServiceState.of("nadra.cnic", "isb-g11", true, null, "admin", T.plusSeconds(60)));
        assertTrue(lahore.all("isb-g11").get("nadra.cnic").enabled(), "Islamabad opened it for itself");
        assertFalse(islamabad.all("lhr-01").get("nadra.cnic").enabled(), "closed everywhere else");
        assertFalse(islamabad.all().get("nadra.cnic").enabled());

        lahore.put(ServiceState.of("nadra.cnic", true, null, "admin", T.plusSeconds(120)));
        islamabad.put(ServiceState.of("nadra.cnic", false, "closed again", "admin", T.plusSeconds(180)));
        assertFalse(lahore.all("isb-g11").get("nadra.cnic").enabled(),
                "a state for all centres clears the centres' own");
        assertNull(lahore.all("isb-g11").get("nadra.cnic").centre());
    }
}
