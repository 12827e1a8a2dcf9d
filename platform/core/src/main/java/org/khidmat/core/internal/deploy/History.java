package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How many earlier versions of a bundle the deployer keeps for rollbacks, and the pruning of the rest. */
final class History {
    /** The deployed version and this many before it. */
    static final int KEEP_PREVIOUS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(History.class);

    private History() {
    }

    /** The chain that ends in {@code current}, cut to what a new version on top of it may keep. */
    static Installed trim(Installed current) {
        return cut(current, KEEP_PREVIOUS);
    }

    private static Installed cut(Installed i, int depth) {
        if (i == null || depth == 0) {
            return null;
        }
        return new Installed(i.bundleId(), i.candidate(), i.archived(), i.sourceFile(), i.by(), i.at(),
                cut(i.previous(), depth - 1));
    }

    /** The folder under {@code archiveDir} that keeps the archived jars of one bundle. */
    static Path folder(Path archiveDir, String symbolicName) {
        return SafePaths.child(archiveDir, symbolicName);
    }

    /**
     * Deletes the archived jars of one bundle that {@code current}'s chain no longer names. A folder that names
     * a {@code .} or {@code ..} segment is left alone: it is not one made by {@link #folder}.
     */
    static void prune(Path folder, Installed current) {
        Set<Path> keep = new HashSet<>();
        for (Installed i = current; i != null; i = i.previous()) {
            keep.add(i.archived());
        }
        if (!SafePaths.hasNoDotSegments(folder)) {
            LOG.warn("not pruning {}: a bundle's archive folder is one plain name below data/deployer", folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (!keep.contains(f)) {
                    Files.deleteIfExists(f);
                }
            }
            if (keep.isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            LOG.warn("could not prune {}: {}", folder, e.getMessage());
        }
    }
}
