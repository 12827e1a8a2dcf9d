package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the deploy folder the centre writes and removes: a jar is written in under a hidden
 * {@code .<name>.partial} name and moved into place in one step, so the folder never shows half a jar; a refused jar's
 * {@code <name>.jar.failed} reason beside it likewise; names that come from outside are resolved inside the folder
 * only ({@link SafePaths}).
 */
final class DeployFiles {
    static final String FAILED = ".failed";
    // the lines keep the category of the folder they were written by before, for the operators' log filters
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);
    private final Path dir;

    DeployFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Jars in deploy/ in the order they arrived (modification time), so that of two versions of a bundle the
     * later arrival is deployed last; an older version that comes later is refused as older than deployed.
     */
    List<String> jarsInOrder() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(names::add);
        }
        names.sort(Comparator.comparing((String n) -> modified(dir.resolve(n))).thenComparing(n -> n));
        return names;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Removes the {@code .failed} files of jars no longer there. */
    void removeOrphanMarkers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".jar" + FAILED) && !Files.exists(dir.resolve(n.substring(0, n.length() - FAILED.length())))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Writes the refusal reason beside the jar, or removes an old one when {@code reason} is null. */
    void mark(String name, String reason) {
        Path marker = dir.resolve(name + FAILED);
        try {
            if (reason == null) {
                Files.deleteIfExists(marker);
            } else if (Files.exists(dir.resolve(name))) {
                Path partial = dir.resolve("." + name + FAILED + ".partial");
                Files.writeString(partial, Instant.now() + " " + name + " was not deployed:\n" + reason + "\n",
                        StandardCharsets.UTF_8);
                Files.move(partial, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", marker, e.getMessage());
        }
    }

    /** @return a copy of {@code jar} under the hidden name of {@code name}, to be {@linkplain #putInPlace put in place} */
    Path staged(Path jar, String name) throws IOException {
        Path partial = SafePaths.child(dir, "." + name + ".partial");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        return partial;
    }

    /** Moves a {@linkplain #staged staged} copy to {@code name}, in one step. */
    void putInPlace(Path partial, String name) throws IOException {
        Files.move(partial, SafePaths.child(dir, name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a jar and its reason. */
    void delete(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + FAILED));
    }

    /** Removes a jar's reason. */
    void unmark(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name + FAILED));
    }
}
