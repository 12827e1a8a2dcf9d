package org.khidmat.core.internal.applications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.platform.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The descriptor an application was filed under: the catalogue's when it still serves that version, else the
 * text the store archived, parsed once and kept (a version's text never changes).
 */
public final class DescriptorArchive {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorArchive.class);
    private final ApplicationStore store;
    private final Catalogue catalogue;
    private final Map<String, ServiceDescriptor> parsed = new ConcurrentHashMap<>();

    public DescriptorArchive(ApplicationStore store, Catalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    /**
     * @param serviceId a service id
     * @param version a descriptor version of it
     * @return that descriptor, if the catalogue serves it or the store archived it readably
     */
    public Optional<ServiceDescriptor> find(String serviceId, int version) {
        Optional<ServiceDescriptor> current = catalogue.service(serviceId).map(e -> e.descriptor())
                .filter(d -> d.version() == version);
        if (current.isPresent()) {
            return current;
        }
        String key = serviceId + "@" + version;
        ServiceDescriptor d = parsed.get(key);
        if (d != null) {
            return Optional.of(d);
        }
        Optional<String> json = store.descriptor(serviceId, version);
        if (json.isEmpty()) {
            LOG.warn("applications: no archived descriptor {} v{}", serviceId, version);
            return Optional.empty();
        }
        try {
            d = Descriptors.parse(new ByteArrayInputStream(json.get().getBytes(StandardCharsets.UTF_8)), key);
            parsed.put(key, d);
            return Optional.of(d);
        } catch (DescriptorException | IOException e) {
            LOG.warn("applications: archived descriptor {} cannot be read: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
