package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.khidmat.api.descriptor.BundleDescriptors;
import org.osgi.framework.Bundle;

/** A bundle's entries as descriptors are read from them, without loading any of its classes. */
final class BundleEntries {
    private BundleEntries() {
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
