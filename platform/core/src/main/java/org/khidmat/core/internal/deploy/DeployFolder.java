package org.khidmat.core.internal.deploy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot deploy folder. A {@code .jar} that appears (copied in place or moved in) is handed to the
 * deployer once it is a complete zip and has stopped changing; a file that is not a complete zip is waited
 * for while its size or time still move, and judged only after it has stayed unchanged for 30 s. A jar that
 * is deleted is withdrawn. A jar
 * that is refused gets a {@code <name>.jar.failed} file beside it holding the reason.
 */
final class DeployFolder implements AutoCloseable {
    static final String FAILED = ".failed";
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);
    private static final long QUIET_MS = 20;
    /**
     * How long a file that is not (yet) a complete zip must stay unchanged before it is judged: a copy that
     * pauses (a slow disk, a network share, a person dragging a file) is still being written.
     */
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A file whose first bytes are not a zip's can never become a jar: it is judged after a second's quiet. */
    private static final long NOT_A_ZIP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path dir;
    private final BundleDeployer deployer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "khidmat-deploy-folder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Seen> pending = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;
    private WatchService watcher;
    private Thread watchThread;

    /** What a file looked like when last seen, and since when it has looked like that. */
    private record Seen(long size, FileTime modified, long sinceNanos) {
    }

    /** Whether this node watches deploy/ ({@code watchDeployFolder}); a node that does not leaves the folder alone. */
    private final boolean watching;

    DeployFolder(Path dir, BundleDeployer deployer, boolean watching) {
        this.dir = dir;
        this.deployer = deployer;
        this.watching = watching;
    }

    boolean watching() {
        return watching;
    }

    void start() throws IOException {
        watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        watchThread = new Thread(this::watch, "khidmat-deploy-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        List<String> jars = jarsInOrder();
        LOG.debug("deploy folder {}: {} jars at start", dir, jars.size());
        for (String name : jars) {
            if (JarCheck.isCompleteZip(dir.resolve(name))) {
                known.add(name);
                deployer.fileArrived(name);
            } else {
                observe(name); // still being copied while the centre started: waited for like any other
            }
        }
        removeOrphanMarkers();
        deployer.runOnThread(() -> ready = true);
    }

    boolean ready() {
        return ready;
    }

    /**
     * Jars in deploy/ in the order they arrived (modification time), so that of two versions of a bundle the
     * later arrival is deployed last; an older version that comes later is refused as older than deployed.
     */
    private List<String> jarsInOrder() throws IOException {
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

    private void removeOrphanMarkers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".jar" + FAILED) && !Files.exists(dir.resolve(n.substring(0, n.length() - FAILED.length())))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        rescan();
                        continue;
                    }
                    String name = event.context().toString();
                    if (!name.endsWith(".jar")) {
                        continue;
                    }
                    if (event.kind() == ENTRY_DELETE) {
                        pending.remove(name);
                        if (known.remove(name)) {
                            deployer.fileRemoved(name);
                        }
                    } else {
                        observe(name);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("deploy folder watch ends");
        }
    }

    private void rescan() {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> now = ConcurrentHashMap.newKeySet();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(now::add);
            for (String gone : List.copyOf(known)) {
                if (!now.contains(gone) && known.remove(gone)) {
                    deployer.fileRemoved(gone);
                }
            }
            now.forEach(this::observe);
        } catch (IOException e) {
            LOG.warn("deploy folder {} cannot be listed: {}", dir, e.getMessage());
        }
    }

    /** Notes how the file looks now and looks again after a quiet spell. */
    private void observe(String name) {
        Seen seen = look(name, null);
        if (seen != null) {
            pending.put(name, seen);
            timer.schedule(() -> settle(name), QUIET_MS, TimeUnit.MILLISECONDS);
        }
    }

    private Seen look(String name, Seen before) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
            if (before != null && before.size() == a.size() && before.modified().equals(a.lastModifiedTime())) {
                return before;
            }
            return new Seen(a.size(), a.lastModifiedTime(), System.nanoTime());
        } catch (IOException e) {
            return null;
        }
    }

    private void settle(String name) {
        Seen before = pending.get(name);
        if (before == null) {
            return;
        }
        Seen now = look(name, before);
        if (now == null) {
            pending.remove(name, before);
            return;
        }
        if (now != before) {
            pending.replace(name, before, now);
            timer.schedule(() -> settle(name), QUIET_MS, TimeUnit.MILLISECONDS);
            return;
        }
        boolean complete = JarCheck.isCompleteZip(dir.resolve(name));
        long quiet = System.nanoTime() - now.sinceNanos();
        if (complete || quiet > GIVE_UP_NANOS || (quiet > NOT_A_ZIP_NANOS && !JarCheck.startsLikeZip(dir.resolve(name)))) {
            if (pending.remove(name, before)) {
                known.add(name);
                deployer.fileArrived(name);
            }
        } else {
            timer.schedule(() -> settle(name), 5 * QUIET_MS, TimeUnit.MILLISECONDS);
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

    /**
     * Makes deploy/ show what is deployed after a commit: the jar that replaced another file removes that
     * file; a jar deployed through the API or a rollback is written in, so a restart deploys it again.
     *
     * @return the file name in deploy/ that now stands for the bundle
     */
    String stand(Installed done, Installed previous) {
        String before = previous == null ? null : previous.sourceFile();
        String name = done.sourceFile();
        if (!watching) {
            return name; // another node watches deploy/; this one takes its bundles from the bundle set
        }
        try {
            if (name == null) {
                name = before != null ? before : done.candidate().symbolicName() + ".jar";
                Path partial = SafePaths.child(dir, "." + name + ".partial");
                Files.copy(done.archived(), partial, StandardCopyOption.REPLACE_EXISTING);
                known.add(name);
                Files.move(partial, SafePaths.child(dir, name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else if (before != null && !before.equals(name)) {
                known.remove(before);
                Files.deleteIfExists(dir.resolve(before));
                Files.deleteIfExists(dir.resolve(before + FAILED));
                LOG.info("{} replaces {} in {}", name, before, dir.getFileName());
            }
            Files.deleteIfExists(dir.resolve(name + FAILED));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("deploy folder {} could not be brought in line: {}", dir, e.getMessage());
        }
        return name;
    }

    /** Removes a bundle's file after a withdrawal through the API. */
    void remove(String name) {
        if (name == null || !watching) {
            return;
        }
        known.remove(name);
        try {
            Files.deleteIfExists(dir.resolve(name));
            Files.deleteIfExists(dir.resolve(name + FAILED));
        } catch (IOException e) {
            LOG.warn("cannot remove {} from {}: {}", name, dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debug("closing watcher", e);
        }
        timer.shutdownNow();
    }
}
