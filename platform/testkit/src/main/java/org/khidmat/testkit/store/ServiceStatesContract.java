package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.khidmat.testkit.store.Samples.T;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;

/** {@link ServiceStates}: a service disabled with a reason and who did it, enabled again, audited with the change. */
public abstract class ServiceStatesContract extends StoreContract {

    @Test
    public void aServiceWithNoStateIsNotListedAndAStateIsKeptWithItsReasonAndWho() {
        assertEquals(Map.of(), stores.serviceStates().all());
        ServiceState off = ServiceState.of("dgip.passport", false, "NADRA's verification is down; back Monday", "admin",
                T);

        stores.serviceStates().put(off, AuditNote.of("admin", "service.disable", "dgip.passport", off.reason()));

        assertEquals(Map.of("dgip.passport", off), stores.serviceStates().all());
        assertEquals(1, audited("service.disable").size());
    }

    @Test
    public void aNewStateReplacesTheOneBeforeAndAllIsByServiceId() {
        stores.serviceStates().put(ServiceState.of("nadra.cnic-renewal", false, "maintenance", "admin", T));
        stores.serviceStates().put(ServiceState.of("dgip.passport", false, "down", "admin", T));
        ServiceState on = ServiceState.of("nadra.cnic-renewal", true, null, "supervisor", T.plusSeconds(3600));

        stores.serviceStates().put(on, AuditNote.of("supervisor", "service.enable", "nadra.cnic-renewal", null));

        Map<String, ServiceState> all = stores.serviceStates().all();
        assertEquals(List.of("dgip.passport", "nadra.cnic-renewal"), List.copyOf(all.keySet()), "by service id");
        assertEquals(on, all.get("nadra.cnic-renewal"));
        assertEquals(1, audited("service.enable").size());
    }

    @Test
    public void aStateLackingWhoOrWhenStoresNothing() {
        for (ServiceState bad : List.of(ServiceState.of("dgip.passport", false, "down", null, T),
                ServiceState.of("dgip.passport", false, "down", "admin", null))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> stores.serviceStates()
                    .put(bad, AuditNote.of("admin", "service.disable", "dgip.passport", null)));
            assertRefusal(e);
        }

        assertEquals(Map.of(), stores.serviceStates().all());
        assertEquals(0, audited("service.disable").size());
    }

    @Test
    public void allIsInTheOrderOfJavaStrings() {
        List<String> ids = List.of("nadra.cnic", "NADRA.cnic", "nadra-cnic", "nadra_cnic", "nadra.Cnic", "fbr.ntn");
        for (String id : ids) {
            stores.serviceStates().put(ServiceState.of(id, false, null, "admin", T));
        }

        assertEquals(ids.stream().sorted().toList(), List.copyOf(stores.serviceStates().all().keySet()));
    }
}
