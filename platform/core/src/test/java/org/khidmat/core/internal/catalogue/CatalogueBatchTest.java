package org.khidmat.core.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * The catalogue admitting a batch of bundles at once (the deployer's adoption at a start): the same list as
 * admitting them one by one, one change of the stamp that the prepared answers follow, and enablement changes
 * between batches seen at once.
 */
class CatalogueBatchTest {
    private final Map<String, ServiceState> stored = new ConcurrentHashMap<>();
    /** The descriptor archive of a fake store: "id v3" to the text, and every write made. */
    private final Map<String, String> archive = new ConcurrentHashMap<>();
    private final List<String> archiveWrites = java.util.Collections.synchronizedList(new ArrayList<>());

    private CatalogueService catalogue() {
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
        ApplicationStore store = (ApplicationStore) Proxy.newProxyInstance(ApplicationStore.class.getClassLoader(),
                new Class<?>[] {ApplicationStore.class}, (p, m, a) -> switch (m.getName()) {
                    case "descriptor" -> Optional.ofNullable(archive.get(a[0] + " v" + a[1]));
                    case "keepDescriptor" -> {
                        archiveWrites.add(a[0] + " v" + a[1]);
                        archive.putIfAbsent(a[0] + " v" + a[1], (String) a[2]);
                        yield null;
                    }
                    default -> null;
                });
        return new CatalogueService(nothing(BundleContext.class), states, nothing(AuditLog.class), store, "default");
    }

    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null);
    }

    /** The test's police.json under another id and agency. */
    private static String text(String id) {
        try (InputStream in = CatalogueBatchTest.class.getResourceAsStream("/police.json")) {
            String agency = id.substring(0, id.indexOf('.'));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"police.cert\"", "\"" + id + "\"")
                    .replace("\"code\": \"police\"", "\"code\": \"" + agency + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceDescriptor descriptor(String id) {
        try {
            return Descriptors.parse(new ByteArrayInputStream(text(id).getBytes(StandardCharsets.UTF_8)),
                    "services/" + id + ".json");
        } catch (DescriptorException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An active bundle with an entry services/ID.json holding the descriptor text of each ID. */
    private static Bundle bundle(long id, String symbolicName, String... serviceIds) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class}, (p, m, a) ->
                switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getState" -> Bundle.ACTIVE;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> new Version(1, 0, (int) id);
                    case "getLastModified" -> 1_000L * id;
                    case "getHeaders" -> new Hashtable<>(Map.of(AgencyBundle.SERVICES_HEADER, "services/"));
                    case "getEntryPaths" -> java.util.Collections.enumeration(List.of(serviceIds).stream()
                            .map(sid -> "services/" + sid + ".json").toList());
                    case "getEntry" -> {
                        String path = (String) a[0];
                        String sid = path.substring("services/".length(), path.length() - ".json".length());
                        yield new java.net.URL(null, "test:" + path, new java.net.URLStreamHandler() {
                            @Override
                            protected java.net.URLConnection openConnection(java.net.URL u) {
                                return new java.net.URLConnection(u) {
                                    @Override
                                    public void connect() {
                                    }

                                    @Override
                                    public InputStream getInputStream() {
                                        return new ByteArrayInputStream(text(sid).getBytes(StandardCharsets.UTF_8));
                                    }
                                };
                            }
                        });
                    }
                    case "hashCode" -> (int) id;
                    case "equals" -> p == a[0];
                    case "toString" -> symbolicName;
                    default -> null;
                });
    }

    private static Admit admit(Bundle b, Bundle replaced, String... serviceIds) {
        return new Admit(b, replaced, List.of(serviceIds).stream().map(CatalogueBatchTest::descriptor).toList());
    }

    /** What a citizen sees of the list: id, bundle, version and enablement, in the catalogue's order. */
    private static List<String> seen(CatalogueService c) {
        return c.services().stream().map(e -> e.id() + "@" + e.symbolicName() + " " + e.bundleVersion() + " "
                + (e.enabled() ? "open" : "closed")).toList();
    }

    @Test
    void aBatchListsWhatAdmittingOneByOneLists() {
        Bundle tax = bundle(1, "org.acme.tax", "tax.ntn", "tax.atl");
        Bundle land = bundle(2, "org.acme.land", "land.fard");
        Bundle clash = bundle(3, "org.acme.clash", "tax.ntn", "clash.other"); // declares a service tax serves
        Bundle tax2 = bundle(4, "org.acme.tax", "tax.ntn", "tax.strn"); // the next version of tax
        List<Admit> batch = List.of(admit(tax, null, "tax.ntn", "tax.atl"), admit(land, null, "land.fard"),
                admit(clash, null, "tax.ntn", "clash.other"), admit(tax2, tax, "tax.ntn", "tax.strn"));

        CatalogueService oneByOne = catalogue();
        for (Admit a : batch) {
            oneByOne.admitAll(List.of(a));
        }
        CatalogueService together = catalogue();
        Map<Long, List<String>> ids = together.admitAll(batch);

        assertEquals(seen(oneByOne), seen(together));
        assertEquals(List.of("clash.other@org.acme.clash 1.0.3 open", "land.fard@org.acme.land 1.0.2 open",
                "tax.ntn@org.acme.tax 1.0.4 open", "tax.strn@org.acme.tax 1.0.4 open"), seen(together));
        assertEquals(List.of("clash.other"), ids.get(3L), "the clashing id is ignored, as one by one");
        assertTrue(together.isAdmitted(tax2) && !together.isAdmitted(tax), "the replaced version is no longer admitted");
    }

    @Test
    void aBatchChangesTheStampOnceAndIsListedWithTheDescriptorsGiven() {
        CatalogueService c = catalogue();
        long before = c.version();
        List<Admit> batch = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            batch.add(admit(bundle(i, "org.acme.a" + i, "a" + i + ".s"), null, "a" + i + ".s"));
        }
        c.admitAll(batch);
        assertEquals(before + 1, c.version(), "one change for the batch, so the prepared answers are made once");
        assertEquals(40, c.services().size());
    }

    @Test
    void aDescriptorAlreadyKeptIsNotWrittenAgain() {
        CatalogueService c = catalogue();
        c.admitAll(List.of(admit(bundle(1, "org.acme.tax", "tax.ntn"), null, "tax.ntn")));
        assertEquals(List.of("tax.ntn v3"), archiveWrites, "a new descriptor is kept");
        assertTrue(archive.get("tax.ntn v3").contains("\"tax.ntn\""), "its text, read from the bundle");
        CatalogueService afterRestart = catalogue();
        afterRestart.admitAll(List.of(admit(bundle(7, "org.acme.tax", "tax.ntn"), null, "tax.ntn")));
        assertEquals(List.of("tax.ntn v3"), archiveWrites, "kept already: not written again");
        assertEquals(1, afterRestart.services().size());
    }

    @Test
    void anAdoptedBatchIsListedAtOnceAndItsMissingDescriptorsAreKeptAfter() throws Exception {
        archive.put("tax.ntn v3", text("tax.ntn")); // kept when it was committed
        CatalogueService c = catalogue();
        c.adopt(List.of(admit(bundle(1, "org.acme.tax", "tax.ntn", "tax.atl"), null, "tax.ntn", "tax.atl")));
        assertEquals(2, c.services().size(), "listed without waiting for the archive");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!archive.containsKey("tax.atl v3") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(archive.get("tax.atl v3").contains("\"tax.atl\""), "the missing one is kept after");
        assertEquals(List.of("tax.atl v3"), archiveWrites, "the one kept already is not written again");
        c.deactivate();
    }

    @Test
    void anEnablementChangeBetweenBatchesIsSeenAtOnce() {
        CatalogueService c = catalogue();
        c.admitAll(List.of(admit(bundle(1, "org.acme.tax", "tax.ntn", "tax.atl"), null, "tax.ntn", "tax.atl")));
        List<CatalogueEntry> first = c.services();
        assertSame(first, c.services(), "nothing changed: the same sorted list");
        assertThrows(UnsupportedOperationException.class, () -> first.remove(0), "callers cannot change it for others");
        long listed = c.version();

        c.setEnabled("tax.atl", false, "system down", "admin");
        long disabled = c.version();
        assertNotEquals(listed, disabled, "the prepared answers are made again");
        List<CatalogueEntry> now = c.services();
        assertNotSame(first, now);
        assertFalse(c.service("tax.atl").orElseThrow().enabled());
        assertFalse(now.stream().filter(e -> e.id().equals("tax.atl")).findFirst().orElseThrow().enabled(),
                "the list shows the disabled service closed");

        c.admitAll(List.of(admit(bundle(2, "org.acme.land", "land.fard"), null, "land.fard")));
        assertNotEquals(disabled, c.version());
        assertEquals(List.of("land.fard@org.acme.land 1.0.2 open", "tax.atl@org.acme.tax 1.0.1 closed",
                "tax.ntn@org.acme.tax 1.0.1 open"), seen(c), "the next batch keeps the service closed");
        c.setEnabled("tax.atl", true, null, "admin");
        assertTrue(c.services().stream().allMatch(CatalogueEntry::enabled));
    }
}
