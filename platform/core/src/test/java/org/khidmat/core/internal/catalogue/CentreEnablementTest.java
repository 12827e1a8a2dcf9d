package org.khidmat.core.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The catalogues of two centres' nodes over one store of service states: a service disabled in one centre only. */
class CentreEnablementTest {
    /** Service states as the store keeps them: a row for all centres ("") and rows per centre. */
    private final Map<String, ServiceState> rows = new HashMap<>();
    private final List<AuditNote> notes = new java.util.ArrayList<>();
    private final ServiceStates states = new ServiceStates() {
        @Override
        public synchronized Map<String, ServiceState> all() {
            return all("");
        }

        @Override
        public synchronized Map<String, ServiceState> all(String centre) {
            Map<String, ServiceState> out = new HashMap<>();
            rows.forEach((k, v) -> {
                if (v.centre() == null) {
                    out.putIfAbsent(v.serviceId(), v);
                }
            });
            rows.forEach((k, v) -> {
                if (centre.equals(v.centre())) {
                    out.put(v.serviceId(), v);
                }
            });
            return out;
        }

        @Override
        public void put(ServiceState state) {
            put(state, null);
        }

        @Override
        public synchronized void put(ServiceState state, AuditNote audit) {
            if (state.centre() == null) {
                rows.values().removeIf(r -> r.serviceId().equals(state.serviceId()));
            }
            rows.put(state.serviceId() + "/" + state.centre(), state);
            notes.add(audit);
        }
    };

    private CatalogueService node(String centre) {
        CatalogueService c = new CatalogueService(nothing(BundleContext.class), states, nothing(AuditLog.class),
                nothing(ApplicationStore.class), centre);
        c.admit(bundle(7), null);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null);
    }

    private static Bundle bundle(long id) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class}, (p, m, a) ->
                switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getState" -> Bundle.ACTIVE;
                    case "getSymbolicName" -> "org.khidmat.test.police";
                    case "getVersion" -> new Version(1, 0, (int) id);
                    case "getLastModified" -> 0L;
                    case "getHeaders" -> new Hashtable<>(Map.of(AgencyBundle.SERVICES_HEADER, "police.json"));
                    case "getEntry" -> CentreEnablementTest.class.getResource("/" + a[0]);
                    case "hashCode" -> (int) id;
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    @Test
    void aServiceDisabledInOneCentreOnlyStaysOpenInTheOthers() {
        CatalogueService islamabad = node("isb-g11");
        CatalogueService lahore = node("lhr-01");
        var here = islamabad.setEnabled("police.cert", false, "no officer today", "admin", true);
        assertFalse(here.enabled());
        assertEquals("no officer today", here.disabledReason());
        assertFalse(islamabad.service("police.cert").orElseThrow().enabled());
        assertTrue(lahore.service("police.cert").orElseThrow().enabled(), "Lahore still offers it");
        assertTrue(notes.get(0).detail().contains("centre isb-g11"), notes.get(0).detail());

        lahore.setEnabled("police.cert", false, "system down", "admin", false);
        assertFalse(lahore.service("police.cert").orElseThrow().enabled());
        islamabad.setEnabled("police.cert", true, null, "admin");
        assertTrue(islamabad.service("police.cert").orElseThrow().enabled());
        assertTrue(node("lhr-01").service("police.cert").orElseThrow().enabled(), "all centres: everywhere");
    }
}
