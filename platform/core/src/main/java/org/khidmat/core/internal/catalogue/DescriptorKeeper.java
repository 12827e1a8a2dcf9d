package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationStore;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the text of every descriptor the catalogue lists, so applications filed under it stay processable after
 * the bundle changes. A descriptor already kept (the same service id and version) is not written again: at a start
 * every adopted bundle is listed anew, and a read is far cheaper than a write that waits for the disk.
 */
final class DescriptorKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorKeeper.class);
    private final ApplicationStore applications;

    DescriptorKeeper(ApplicationStore applications) {
        this.applications = applications;
    }

    void keep(Bundle bundle, ServiceDescriptor d) {
        try {
            if (applications.descriptor(d.id(), d.version()).isPresent()) {
                return;
            }
            URL entry = bundle.getEntry(d.source());
            if (entry == null) {
                throw new IOException("the bundle has no entry " + d.source());
            }
            try (InputStream in = entry.openStream()) {
                applications.keepDescriptor(d.id(), d.version(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("catalogue: could not keep descriptor {} v{}: {}", d.id(), d.version(), e.getMessage());
        }
    }
}
