package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.descriptor.BundleDescriptors;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bundle's entries as descriptors are read from them, without loading any of its classes. */
final class BundleEntries {
    private static final Logger LOG = LoggerFactory.getLogger(BundleEntries.class);

    private BundleEntries() {
    }

    /** The bundle's descriptors, read from its entries; none, with a warning, when they cannot be read. */
    static List<ServiceDescriptor> descriptors(Bundle bundle) {
        String header = bundle.getHeaders("").get(AgencyBundle.SERVICES_HEADER);
        if (header == null) {
            return List.of();
        }
        try {
            return BundleDescriptors.readAll(header, source(bundle));
        } catch (DescriptorException | IOException e) {
            LOG.warn("catalogue: {} {} declares services that cannot be read: {}", bundle.getSymbolicName(),
                    bundle.getVersion(), e.getMessage());
            return List.of();
        }
    }

    static BundleDescriptors.Source source(Bundle bundle) {
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
}
