package org.khidmat.core.internal.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.khidmat.api.store.Signals;
import org.khidmat.core.internal.catalogue.Listing.Listed;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: lists the services of the agency bundles the deployer admitted, read from their descriptors
 * without loading any of the bundle's classes. A bundle is listed only once the deployer has verified and
 * committed it ({@link #admit}), and only while it is active; an update switches every service of the old
 * version to the new one in one step, so a reader sees one version or the other, never a gap.
 */
@Component(service = {Catalogue.class, CatalogueService.class})
public final class CatalogueService implements Catalogue {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueService.class);
    private static final Comparator<CatalogueEntry> ORDER =
            Comparator.comparing((CatalogueEntry e) -> e.descriptor().agency().code()).thenComparing(CatalogueEntry::id);

    /** {@link #version()}: counted up on every change of the list or of the enablement read. */
    private final AtomicLong stamp = new AtomicLong();
    private final Listing listing = new Listing(stamp);
    private final Enablement enablement;
    private final DescriptorKeeper keeper;
    /** Bundle ids the deployer committed, with their descriptors; only these are listed, and only while active. */
    private final Map<Long, List<ServiceDescriptor>> admitted = new ConcurrentHashMap<>();
    private final BundleTracker<List<String>> tracker;

    /** {@link #services()} as last made, with the list and the enablement it was made from. */
    private record Sorted(Map<String, Listed> listed, Map<String, ServiceState> states, List<CatalogueEntry> entries) {
    }

    private volatile Sorted sorted;

    @Activate
    public CatalogueService(BundleContext context, @Reference ServiceStates states, @Reference AuditLog audit,
            @Reference ApplicationStore applications, @Reference Centre centre) {
        this(context, states, audit, applications, centre.id());
    }

    /** @param site the centre this node serves, whose own enablement of services beats the national one */
    CatalogueService(BundleContext context, ServiceStates states, AuditLog audit, ApplicationStore applications,
            String site) {
        this.enablement = new Enablement(states, site, stamp);
        this.keeper = new DescriptorKeeper(applications);
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public List<String> addingBundle(Bundle bundle, BundleEvent event) {
                // a committed bundle that became active again (after a refresh or a resumed library) is listed
                // again; any other is left to the deployer, which admits it once verified
                List<ServiceDescriptor> descriptors = admitted.get(bundle.getBundleId());
                return descriptors == null ? List.of()
                        : admitAll(List.of(new Admit(bundle, null, descriptors))).getOrDefault(bundle.getBundleId(), List.of());
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<String> ids) {
                listing.unlist(bundle.getBundleId());
                LOG.debug("catalogue: {} left with {}", bundle.getSymbolicName(), ids);
            }
        };
        tracker.open();
    }

    /** Hears enablement changes made on other nodes at once, rather than after {@link Enablement#FRESH_NANOS}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindSignals")
    void bindSignals(Signals s) {
        enablement.hear(s);
    }

    void unbindSignals(Signals s) {
        enablement.stopHearing(s);
    }

    @Deactivate
    void deactivate() {
        enablement.close();
        tracker.close();
        keeper.close();
    }

    /**
     * Lists a bundle the deployer verified and committed, in place of {@code replaced} (the version it updates,
     * or {@code null}): every service of the old version passes to the new one at once. Its descriptors are read
     * from the bundle.
     *
     * @return the service ids now listed for the bundle
     */
    public List<String> admit(Bundle bundle, Bundle replaced) {
        return admitAll(List.of(new Admit(bundle, replaced, null))).getOrDefault(bundle.getBundleId(), List.of());
    }

    /**
     * Lists a batch of bundles the deployer verified and committed, in one step: the list citizens see (and the
     * catalogue's stamp, which the prepared answers follow) changes once for the whole batch, whatever its size.
     * The result is the one admitting them one by one in the batch's order would give.
     *
     * @return the service ids now listed, by bundle id
     */
    public Map<Long, List<String>> admitAll(List<Admit> batch) {
        return admitAll(batch, true);
    }

    /**
     * Lists the bundles the deployer adopted at a start from the framework's cache, as {@link #admitAll}; their
     * descriptors were kept when each was committed, so the archive is made sure of after the start, off the path
     * to the ready line (it catches a store restored from a backup older than the bundles).
     *
     * @return the service ids now listed, by bundle id
     */
    public Map<Long, List<String>> adopt(List<Admit> batch) {
        return admitAll(batch, false);
    }

    private Map<Long, List<String>> admitAll(List<Admit> batch, boolean keepNow) {
        for (Admit a : batch) {
            admitted.put(a.bundle().getBundleId(), a.descriptors() != null ? a.descriptors() : BundleEntries.descriptors(a.bundle()));
        }
        List<DescriptorKeeper.Kept> toKeep = new ArrayList<>();
        Map<Long, List<String>> ids = listing.list(batch, admitted, toKeep);
        if (keepNow) {
            toKeep.forEach(keeper::keep);
        } else {
            keeper.keepLater(toKeep);
        }
        for (Admit a : batch) {
            if (a.replaced() != null && a.replaced().getBundleId() != a.bundle().getBundleId()) {
                admitted.remove(a.replaced().getBundleId());
            }
        }
        return ids;
    }

    /** Stops listing a bundle (withdrawn, retired after an update, or suspended). */
    public void dismiss(Bundle bundle) {
        admitted.remove(bundle.getBundleId());
        listing.unlist(bundle.getBundleId());
    }

    /** @return whether the deployer committed this bundle and it is listed or will be once active */
    public boolean isAdmitted(Bundle bundle) {
        return admitted.containsKey(bundle.getBundleId());
    }

    /**
     * @return every service, sorted; the same unmodifiable list while neither the list nor the enablement read
     *         changed, so the health check, the JSON and the pages do not sort hundreds of entries on every request
     */
    @Override
    public List<CatalogueEntry> services() {
        Map<String, ServiceState> stored = enablement.now();
        Map<String, Listed> listed = listing.now();
        Sorted s = sorted;
        if (s != null && s.listed() == listed && s.states() == stored) {
            return s.entries();
        }
        List<CatalogueEntry> out = new ArrayList<>(listed.size());
        for (Listed l : listed.values()) {
            out.add(entry(l, stored.get(l.descriptor().id())));
        }
        out.sort(ORDER);
        List<CatalogueEntry> entries = List.copyOf(out);
        sorted = new Sorted(listed, stored, entries);
        return entries;
    }

    @Override
    public Optional<CatalogueEntry> service(String id) {
        Listed l = listing.now().get(id);
        return l == null ? Optional.empty() : Optional.of(entry(l, enablement.now().get(id)));
    }

    @Override
    public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
        return setEnabled(id, enabled, reason, actor, false);
    }

    @Override
    public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor, boolean thisCentreOnly) {
        Listed l = listing.now().get(id);
        if (l == null) {
            throw new NoSuchElementException("no deployed bundle declares service " + id);
        }
        enablement.set(id, enabled, reason, actor, thisCentreOnly);
        return entry(l, enablement.now().get(id));
    }

    @Override
    public long version() {
        enablement.now();
        return stamp.get();
    }

    @Override
    public Optional<Instant> changedAt(String id) {
        Listed l = listing.now().get(id);
        if (l == null) {
            return Optional.empty();
        }
        ServiceState state = enablement.now().get(id);
        Instant changed = state == null || state.changedAt() == null || state.changedAt().isBefore(l.deployed())
                ? l.deployed() : state.changedAt();
        return Optional.of(changed);
    }

    private static CatalogueEntry entry(Listed l, ServiceState state) {
        boolean enabled = state == null || state.enabled();
        return new CatalogueEntry(l.descriptor(), l.symbolicName(), l.version(), enabled,
                enabled ? null : state.reason());
    }
}
