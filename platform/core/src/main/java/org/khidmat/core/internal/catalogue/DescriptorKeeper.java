package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.ApplicationStore;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the text of every descriptor the catalogue lists, so applications filed under it stay processable after
 * the bundle changes. A descriptor already kept (the same service id and version) is not written again: at a start
 * every adopted bundle is listed anew, and a read is far cheaper than a write that waits for the disk.
 */
final class DescriptorKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorKeeper.class);
    private final ApplicationStore applications;
    /** One thread, below normal priority, for what may be kept after the start; made when first needed. */
    private ExecutorService later;

    /** A descriptor to keep, and the bundle whose entry holds its text. */
    record Kept(Bundle bundle, ServiceDescriptor descriptor) {
    }

    DescriptorKeeper(ApplicationStore applications) {
        this.applications = applications;
    }

    void keep(Kept k) {
        ServiceDescriptor d = k.descriptor();
        try {
            if (applications.descriptor(d.id(), d.version()).isPresent()) {
                return;
            }
            URL entry = k.bundle().getEntry(d.source());
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

    /** Keeps the descriptors on a thread of its own, in order, after whatever it was given before. */
    synchronized void keepLater(List<Kept> all) {
        if (all.isEmpty()) {
            return;
        }
        if (later == null) {
            later = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "khidmat-descriptor-keeper");
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
        }
        later.execute(() -> all.forEach(this::keep));
    }

    @Override
    public synchronized void close() {
        if (later != null) {
            later.shutdownNow();
        }
    }
}
