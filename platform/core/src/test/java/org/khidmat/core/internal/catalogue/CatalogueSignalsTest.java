package org.khidmat.core.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.khidmat.api.store.Signals;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Two catalogues over one store stand for two nodes: a service disabled on one is shown disabled by the other as soon
 * as the signal is heard, not after the enablement it read went stale.
 */
class CatalogueSignalsTest {
    /** The shared database's service_state table. */
    private final Map<String, ServiceState> stored = new ConcurrentHashMap<>();
    /** The shared signal table: every subscriber of a topic hears every publication (synchronously, for the test). */
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Signals signals = new Signals() {
        @Override
        public void publish(String topic) {
            listeners.getOrDefault(topic, List.of()).forEach(Runnable::run);
        }

        @Override
        public Subscription subscribe(String topic, Runnable listener) {
            listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
            return () -> listeners.get(topic).remove(listener);
        }
    };

    private CatalogueService node() {
        ServiceStates states = new ServiceStates() {
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
        CatalogueService c = new CatalogueService(nothing(BundleContext.class), states, nothing(AuditLog.class),
                nothing(ApplicationStore.class), "default");
        c.bindSignals(signals);
        return c;
    }

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
                    case "getEntry" -> CatalogueSignalsTest.class.getResource("/" + a[0]);
                    case "hashCode" -> (int) id;
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    @Test
    void aServiceDisabledOnOneNodeIsShownDisabledOnTheOtherAtOnce() {
        CatalogueService a = node();
        CatalogueService b = node();
        a.admit(bundle(7, 0), null);
        b.admit(bundle(7, 0), null);
        assertTrue(b.services().get(0).enabled(), "enabled before; node B has read (and cached) the enablement");
        a.setEnabled("police.cert", false, "system down", "admin");
        assertFalse(b.services().get(0).enabled(), "node B still shows the service enabled");
        assertFalse(b.service("police.cert").orElseThrow().enabled());
        a.setEnabled("police.cert", true, null, "admin");
        assertTrue(b.services().get(0).enabled(), "node B still shows the service disabled");
    }

    @Test
    void anUnboundSignalSourceIsNoLongerHeard() {
        CatalogueService b = node();
        b.admit(bundle(7, 0), null);
        long before = b.version();
        b.unbindSignals(signals);
        signals.publish(Enablement.TOPIC);
        assertTrue(listeners.get(Enablement.TOPIC).isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(before, b.version());
    }
}
