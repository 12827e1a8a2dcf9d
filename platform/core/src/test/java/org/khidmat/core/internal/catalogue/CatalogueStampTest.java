package org.khidmat.core.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

/** The catalogue's stamp: the same while nothing changes, another after a deploy, a withdrawal or an enablement change. */
class CatalogueStampTest {
    private final Map<String, ServiceState> stored = new ConcurrentHashMap<>();
    private final ServiceStates states = new ServiceStates() {
        @Override
        public Map<String, ServiceState> all() {
            return Map.copyOf(stored);
        }

        @Override
        public void put(ServiceState state) {
            stored.put(state.serviceId(), state);
        }

        @Override
        public void put(ServiceState state, AuditNote audit) {
            put(state);
        }
    };
    private final CatalogueService catalogue = new CatalogueService(nothing(BundleContext.class), states,
            nothing(AuditLog.class), nothing(ApplicationStore.class), "default");

    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null);
    }

    /** An active bundle whose one descriptor is the test's police.json, deployed at the given time. */
    private static Bundle bundle(long id, long lastModified) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class}, (p, m, a) ->
                switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getState" -> Bundle.ACTIVE;
                    case "getSymbolicName" -> "org.khidmat.test.police";
                    case "getVersion" -> new Version(1, 0, (int) id);
                    case "getLastModified" -> lastModified;
                    case "getHeaders" -> new Hashtable<>(Map.of(AgencyBundle.SERVICES_HEADER, "police.json"));
                    case "getEntry" -> CatalogueStampTest.class.getResource("/" + a[0]);
                    case "hashCode" -> (int) id;
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    @Test
    void theStampChangesWithTheListAndTheEnablement() {
        long empty = catalogue.version();
        assertEquals(empty, catalogue.version(), "the same while nothing changes");
        Bundle v1 = bundle(7, Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
        catalogue.admit(v1, null);
        long listed = catalogue.version();
        assertNotEquals(empty, listed, "a deploy");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), catalogue.changedAt("police.cert").orElseThrow());

        catalogue.setEnabled("police.cert", false, "system down", "admin");
        long disabled = catalogue.version();
        assertNotEquals(listed, disabled, "an enablement change");
        assertTrue(catalogue.changedAt("police.cert").orElseThrow().isAfter(Instant.parse("2026-11-01T00:00:00Z")));

        Bundle v2 = bundle(8, Instant.parse("2026-11-02T00:00:00Z").toEpochMilli());
        catalogue.admit(v2, v1);
        long updated = catalogue.version();
        assertNotEquals(disabled, updated, "an update");
        catalogue.dismiss(v2);
        assertNotEquals(updated, catalogue.version(), "a withdrawal");
        assertTrue(catalogue.changedAt("police.cert").isEmpty());
    }

    @Test
    void anotherNodesEnablementChangeIsSeenOnceReadAgain() throws Exception {
        catalogue.admit(bundle(7, 0), null);
        long before = catalogue.version();
        // another node writes to the shared store; this node reads the enablement again after its freshness
        stored.put("police.cert", ServiceState.of("police.cert", false, "elsewhere", "admin", Instant.now()));
        Thread.sleep(Enablement.FRESH_NANOS / 1_000_000 + 100);
        long after = catalogue.version();
        assertNotEquals(before, after);
        assertEquals(after, catalogue.version(), "read again, but not changed again");
    }
}
