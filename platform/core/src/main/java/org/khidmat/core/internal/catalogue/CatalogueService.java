package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.descriptor.BundleDescriptors;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationStore;
import org.khidmat.api.platform.AuditLog;
import org.khidmat.api.platform.AuditNote;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.ServiceState;
import org.khidmat.api.platform.ServiceStates;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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

    private final ServiceStates states;
    private final AuditLog audit;
    private final ApplicationStore applications;
    /** What citizens see: replaced whole on every change, so a reader never meets a half-made list. */
    private volatile Map<String, Listed> byId = Map.of();
    /** Bundle ids the deployer committed; only these are listed, and only while active. */
    private final Set<Long> admitted = ConcurrentHashMap.newKeySet();
    private final BundleTracker<List<String>> tracker;

    /** How long the enablement read from the store is used before it is read again (other nodes may change it). */
    static final long STATES_FRESH_NANOS = 2_000_000_000L;
    private volatile Cached cached;
    /** {@link #version()}: counted up on every change of the list or of the enablement read. */
    private final AtomicLong stamp = new AtomicLong();

    private record Cached(Map<String, ServiceState> states, long readAt) {
    }

    private record Listed(ServiceDescriptor descriptor, long bundleId, String symbolicName, String version, Instant deployed) {
    }

    @Activate
    public CatalogueService(BundleContext context, @Reference ServiceStates states, @Reference AuditLog audit,
            @Reference ApplicationStore applications) {
        this.states = states;
        this.audit = audit;
        this.applications = applications;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public List<String> addingBundle(Bundle bundle, BundleEvent event) {
                // a committed bundle that became active again (after a refresh or a resumed library) is listed
                // again; any other is left to the deployer, which admits it once verified
                return admitted.contains(bundle.getBundleId()) ? list(bundle, null) : List.of();
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<String> ids) {
                unlist(bundle.getBundleId());
                LOG.debug("catalogue: {} left with {}", bundle.getSymbolicName(), ids);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /**
     * Lists a bundle the deployer verified and committed, in place of {@code replaced} (the version it updates,
     * or {@code null}): every service of the old version passes to the new one at once.
     *
     * @return the service ids now listed for the bundle
     */
    public List<String> admit(Bundle bundle, Bundle replaced) {
        admitted.add(bundle.getBundleId());
        List<String> ids = list(bundle, replaced);
        if (replaced != null) {
            admitted.remove(replaced.getBundleId());
        }
        return ids;
    }

    /** Stops listing a bundle (withdrawn, retired after an update, or suspended). */
    public void dismiss(Bundle bundle) {
        admitted.remove(bundle.getBundleId());
        unlist(bundle.getBundleId());
    }

    /** @return whether the deployer committed this bundle and it is listed or will be once active */
    public boolean isAdmitted(Bundle bundle) {
        return admitted.contains(bundle.getBundleId());
    }

    private synchronized List<String> list(Bundle bundle, Bundle replaced) {
        if (bundle.getState() != Bundle.ACTIVE) {
            return List.of();
        }
        String header = bundle.getHeaders("").get(AgencyBundle.SERVICES_HEADER);
        Map<String, Listed> next = new HashMap<>(byId);
        if (replaced != null) {
            next.values().removeIf(l -> l.bundleId() == replaced.getBundleId());
        }
        List<String> ids = new ArrayList<>();
        if (header != null) {
            List<ServiceDescriptor> descriptors;
            try {
                descriptors = BundleDescriptors.readAll(header, bundleSource(bundle));
            } catch (DescriptorException | IOException e) {
                LOG.warn("catalogue: {} {} declares services that cannot be read: {}", bundle.getSymbolicName(),
                        bundle.getVersion(), e.getMessage());
                descriptors = List.of();
            }
            for (ServiceDescriptor d : descriptors) {
                Listed other = next.get(d.id());
                if (other != null && other.bundleId() != bundle.getBundleId()) {
                    LOG.warn("catalogue: {} declares {} which {} already serves; ignored", bundle.getSymbolicName(),
                            d.id(), other.symbolicName());
                    continue;
                }
                next.put(d.id(), new Listed(d, bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                        Instant.ofEpochMilli(bundle.getLastModified())));
                archive(bundle, d);
                ids.add(d.id());
            }
        }
        byId = Map.copyOf(next);
        stamp.incrementAndGet();
        LOG.debug("catalogue: {} {} serves {}", bundle.getSymbolicName(), bundle.getVersion(), ids);
        return ids;
    }

    private synchronized void unlist(long bundleId) {
        if (byId.values().stream().anyMatch(l -> l.bundleId() == bundleId)) {
            Map<String, Listed> next = new HashMap<>(byId);
            next.values().removeIf(l -> l.bundleId() == bundleId);
            byId = Map.copyOf(next);
            stamp.incrementAndGet();
        }
    }

    private void archive(Bundle bundle, ServiceDescriptor d) {
        try (InputStream in = bundle.getEntry(d.source()).openStream()) {
            applications.keepDescriptor(d.id(), d.version(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warn("catalogue: could not keep descriptor {} v{}: {}", d.id(), d.version(), e.getMessage());
        }
    }

    static BundleDescriptors.Source bundleSource(Bundle bundle) {
        return new BundleDescriptors.Source() {
            @Override
            public InputStream open(String path) throws IOException {
                URL url = bundle.getEntry(path);
                return url == null ? null : url.openStream();
            }

            @Override
            public List<String> list(String folder) {
                List<String> out = new ArrayList<>();
                Enumeration<String> paths = bundle.getEntryPaths(folder);
                while (paths != null && paths.hasMoreElements()) {
                    String p = paths.nextElement();
                    if (p.endsWith(".json")) {
                        out.add(p);
                    }
                }
                Collections.sort(out);
                return out;
            }
        };
    }

    @Override
    public List<CatalogueEntry> services() {
        Map<String, ServiceState> stored = states();
        Map<String, Listed> listed = byId;
        List<CatalogueEntry> out = new ArrayList<>(listed.size());
        for (Listed l : listed.values()) {
            out.add(entry(l, stored.get(l.descriptor().id())));
        }
        out.sort(ORDER);
        return out;
    }

    @Override
    public Optional<CatalogueEntry> service(String id) {
        Listed l = byId.get(id);
        return l == null ? Optional.empty() : Optional.of(entry(l, states().get(id)));
    }

    @Override
    public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
        Listed l = byId.get(id);
        if (l == null) {
            throw new NoSuchElementException("no deployed bundle declares service " + id);
        }
        String why = enabled || reason == null || reason.isBlank() ? null : reason.strip();
        ServiceState state = new ServiceState(id, enabled, why, actor, Instant.now());
        states.put(state, AuditNote.of(actor, enabled ? "service.enable" : "service.disable", id, why == null ? "" : why));
        cached = null;
        stamp.incrementAndGet();
        LOG.info("service {} {} by {}", id, enabled ? "enabled" : "disabled", actor);
        return entry(l, state);
    }

    /** @return the stored enablement, read again when older than {@link #STATES_FRESH_NANOS} */
    private Map<String, ServiceState> states() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.readAt() > STATES_FRESH_NANOS) {
            Map<String, ServiceState> read = Map.copyOf(states.all());
            if (c == null || !read.equals(c.states())) {
                stamp.incrementAndGet();
            }
            c = new Cached(read, now);
            cached = c;
        }
        return c.states();
    }

    @Override
    public long version() {
        states();
        return stamp.get();
    }

    @Override
    public Optional<Instant> changedAt(String id) {
        Listed l = byId.get(id);
        if (l == null) {
            return Optional.empty();
        }
        ServiceState state = states().get(id);
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
