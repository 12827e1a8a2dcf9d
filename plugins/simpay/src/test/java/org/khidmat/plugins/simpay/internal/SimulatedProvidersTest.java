package org.khidmat.plugins.simpay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.khidmat.api.payment.Charge;

class SimulatedProvidersTest {

    @Test
    void theWalletPaysAtOnce() {
        SimulatedWallet wallet = new SimulatedWallet();
        Charge c = wallet.start("KM7Q-4XPA-K", 500, "Certificate");
        assertEquals(Charge.Status.PAID, c.status());
        assertEquals(Charge.Status.PAID, wallet.confirm(c.providerReference()).status());
        assertNotEquals(c.providerReference(), wallet.start("AB23-CD45-E", 500, "x").providerReference());
        assertEquals(Charge.Status.FAILED, wallet.confirm("SIM-CH-1").status());
    }

    @Test
    void aChallanIsPaidWhenConfirmed() {
        SimulatedChallan challan = new SimulatedChallan();
        Charge c = challan.start("KM7Q-4XPA-K", 1500, "Passport");
        assertEquals(Charge.Status.PENDING, c.status());
        assertTrue(c.instructions().contains(c.providerReference()) && c.instructions().contains("PKR 1500") && c.instructions().contains("\"ur\""));
        assertEquals(Charge.Status.PAID, challan.confirm(c.providerReference()).status());
        assertEquals(Charge.Status.PAID, challan.confirm(c.providerReference()).status(), "confirming again is harmless");
        assertEquals(Charge.Status.FAILED, challan.confirm("nonsense").status());
        assertThrows(IllegalArgumentException.class, () -> challan.start("KM7Q-4XPA-K", 0, "free"));
    }
}
