package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.ref;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.AccountStore.StoredToken;
import org.khidmat.api.store.ServiceState;

/**
 * What one node has stored, another node reads at once: no store keeps a node-local copy that a change made on
 * another node would leave stale (a disabled service, a disabled account, a revoked token, a move, a booking).
 */
public abstract class TwoNodesContract extends StoreContract {

    @Test
    public void aServiceSwitchedOnOneNodeIsSwitchedOnTheOther() {
        StoreUnderTest other = stores.otherNode();
        assertTrue(other.serviceStates().all().isEmpty());
        for (int i = 0; i < 10; i++) {
            StoreUnderTest writer = i % 2 == 0 ? stores : other;
            StoreUnderTest reader = i % 2 == 0 ? other : stores;
            ServiceState state = ServiceState.of("dgip.passport", i % 2 == 1, "switch " + i, "admin", T.plusSeconds(i));
            writer.serviceStates().put(state);
            assertEquals(state, reader.serviceStates().all().get("dgip.passport"), "switch " + i);
        }
    }

    @Test
    public void anAccountDisabledAndATokenRevokedOnOneNodeAreSoOnTheOther() {
        StoreUnderTest other = stores.otherNode();
        stores.accounts().saveAccount(new Account("ali", Role.AGENCY, "nadra", true, T), "hash");
        StoredToken token = new StoredToken(new ApiToken("kht_0001", "ali", "CI", T, false), "ab".repeat(32));
        stores.accounts().saveToken(token);
        assertTrue(other.accounts().account("ali").orElseThrow().account().enabled());
        assertFalse(other.accounts().tokenByHash(token.hash()).orElseThrow().token().revoked());

        other.accounts().saveAccount(new Account("ali", Role.AGENCY, "nadra", false, T), "hash");
        assertTrue(other.accounts().revokeToken("kht_0001"));

        assertFalse(stores.accounts().account("ali").orElseThrow().account().enabled(), "disabled on the first node too");
        assertTrue(stores.accounts().tokenByHash(token.hash()).orElseThrow().token().revoked(), "revoked there too");
    }

    @Test
    public void movesMadeInTurnOnTwoNodesAreEachSeenByTheNextAtOnce() {
        StoreUnderTest other = stores.otherNode();
        filed(ref(1), T);
        String state = "submitted";
        for (int i = 0; i < 10; i++) {
            StoreUnderTest node = i % 2 == 0 ? other : stores;
            assertEquals(state, node.applications().find(ref(1)).orElseThrow().status(), "move " + i + " sees the last");
            String next = "step-" + i;
            assertTrue(node.applications().move(new StatusChange(ref(1), T.plusSeconds(i + 1), "officer", state, next, null)));
            state = next;
        }
        assertEquals(11, other.applications().history(ref(1)).size());
    }

    @Test
    public void placesTakenOnOneNodeAreCountedOnTheOther() {
        StoreUnderTest other = stores.otherNode();
        LocalDate day = LocalDate.of(2026, 3, 9);
        LocalTime nine = LocalTime.of(9, 0);
        for (int i = 0; i < 4; i++) {
            StoreUnderTest node = i % 2 == 0 ? stores : other;
            assertTrue(node.appointments().book(new Appointment(String.format("APPT-%04d-K", i), "dgip.passport", day,
                    nine, nine.plusMinutes(30), Samples.CNIC, null, Appointment.BOOKED, T, T, 0), 4));
            assertEquals(i + 1, (i % 2 == 0 ? other : stores).appointments().booked("dgip.passport", day).get(nine));
        }
        assertFalse(other.appointments().book(new Appointment("APPT-0009-K", "dgip.passport", day, nine,
                nine.plusMinutes(30), Samples.CNIC, null, Appointment.BOOKED, T, T, 0), 4), "four places, four taken");
    }
}
