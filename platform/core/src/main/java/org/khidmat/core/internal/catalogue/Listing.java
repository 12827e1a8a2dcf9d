package org.khidmat.core.internal.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What citizens see: the services of the admitted bundles that are active, by service id. The map is replaced whole
 * on every change, so a reader never meets a half-made list; each change counts the catalogue's stamp up. A service
 * id already served by another bundle is not taken over.
 */
final class Listing {
    private static final Logger LOG = LoggerFactory.getLogger(Listing.class);

    /** One listed service, with the bundle that serves it. */
    record Listed(ServiceDescriptor descriptor, long bundleId, String symbolicName, String version, Instant deployed) {
    }

    private final AtomicLong stamp;
    private volatile Map<String, Listed> byId = Map.of();

    Listing(AtomicLong stamp) {
        this.stamp = stamp;
    }

    /** @return the list as it is now: an unmodifiable map, the same object until the next change */
    Map<String, Listed> now() {
        return byId;
    }

    /**
     * Lists the batch in one step, each bundle with its admitted descriptors, in place of the one it replaces.
     *
     * @param toKeep receives each descriptor listed, for the archive
     * @return the service ids now listed, by bundle id (only for bundles that are active)
     */
    synchronized Map<Long, List<String>> list(List<Admit> batch, Map<Long, List<ServiceDescriptor>> admitted,
            List<DescriptorKeeper.Kept> toKeep) {
        Map<String, Listed> next = new HashMap<>(byId);
        Map<Long, List<String>> out = new HashMap<>();
        for (Admit a : batch) {
            Bundle bundle = a.bundle();
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            if (a.replaced() != null) {
                next.values().removeIf(l -> l.bundleId() == a.replaced().getBundleId());
            }
            List<String> ids = new ArrayList<>();
            for (ServiceDescriptor d : admitted.getOrDefault(bundle.getBundleId(), List.of())) {
                Listed other = next.get(d.id());
                if (other != null && other.bundleId() != bundle.getBundleId()) {
                    LOG.warn("catalogue: {} declares {} which {} already serves; ignored", bundle.getSymbolicName(),
                            d.id(), other.symbolicName());
                    continue;
                }
                next.put(d.id(), new Listed(d, bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                        Instant.ofEpochMilli(bundle.getLastModified())));
                toKeep.add(new DescriptorKeeper.Kept(bundle, d));
                ids.add(d.id());
            }
            out.put(bundle.getBundleId(), ids);
            LOG.debug("catalogue: {} {} serves {}", bundle.getSymbolicName(), bundle.getVersion(), ids);
        }
        byId = Map.copyOf(next);
        stamp.incrementAndGet();
        return out;
    }

    /** Stops listing the services of a bundle. */
    synchronized void unlist(long bundleId) {
        if (byId.values().stream().anyMatch(l -> l.bundleId() == bundleId)) {
            Map<String, Listed> next = new HashMap<>(byId);
            next.values().removeIf(l -> l.bundleId() == bundleId);
            byId = Map.copyOf(next);
            stamp.incrementAndGet();
        }
    }
}
