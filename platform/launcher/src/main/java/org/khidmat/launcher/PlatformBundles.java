package org.khidmat.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;

/**
 * Brings the framework's platform bundles in line with {@code bundles/}: the framework keeps its cache between
 * starts, so a jar already installed is taken as it is, a jar rebuilt since is updated, a new one installed,
 * and one that left the folder uninstalled. Jars are installed by reference: read where they lie, not copied.
 */
final class PlatformBundles {
    private static final String PREFIX = "reference:";

    private PlatformBundles() {
    }

    static List<Bundle> sync(BundleContext context, Path dir, Logger log) throws IOException {
        Map<String, Path> wanted = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted()
                    .forEach(jar -> wanted.put(PREFIX + jar.toAbsolutePath().toUri(), jar));
        }
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(PREFIX) && !wanted.containsKey(b.getLocation())) {
                try {
                    b.uninstall();
                    log.info("platform bundle {} is no longer in {}: uninstalled", b.getSymbolicName(), dir);
                } catch (BundleException e) {
                    log.warn("platform bundle {} could not be uninstalled: {}", b.getSymbolicName(), e.getMessage());
                }
            }
        }
        List<Bundle> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            try {
                Bundle b = context.getBundle(e.getKey());
                if (b == null) {
                    b = context.installBundle(e.getKey());
                } else if (Files.getLastModifiedTime(e.getValue()).toMillis() > b.getLastModified()) {
                    b.update();
                    log.info("platform bundle {} was rebuilt: updated", b.getSymbolicName());
                }
                out.add(b);
            } catch (BundleException ex) {
                log.error("platform bundle {} could not be installed: {}", e.getValue().getFileName(), ex.getMessage());
            }
        }
        return out;
    }
}
