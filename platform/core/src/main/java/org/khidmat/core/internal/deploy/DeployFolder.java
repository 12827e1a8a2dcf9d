package org.khidmat.core.internal.deploy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot deploy folder. A {@code .jar} that appears (copied in place or moved in) is handed to the
 * deployer once it has settled ({@link Settling}: a complete zip that has stopped changing, or a file that stays
 * unchanged long enough to be judged). A jar that is deleted is withdrawn. A jar that is refused gets a
 * {@code <name>.jar.failed} file beside it holding the reason. This class watches and keeps track of the jars it has
 * handed over; {@link DeployFiles} writes and removes the folder's files.
 */
final class DeployFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

    private final Path dir;
    private final BundleDeployer deployer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "khidmat-deploy-folder");
        t.setDaemon(true);
        return t;
    });
    private final DeployFiles files;
    private final Map<String, Settling.Seen> pending = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;
    private WatchService watcher;
    private Thread watchThread;

    /** Whether this node watches deploy/ ({@code watchDeployFolder}); a node that does not leaves the folder alone. */
    private final boolean watching;

    DeployFolder(Path dir, BundleDeployer deployer, boolean watching) {
        this.dir = dir;
        this.files = new DeployFiles(dir);
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
        List<String> jars = files.jarsInOrder();
        LOG.debug("deploy folder {}: {} jars at start", dir, jars.size());
        for (String name : jars) {
            if (JarCheck.isCompleteZip(dir.resolve(name))) {
                known.add(name);
                deployer.fileArrived(name);
            } else {
                observe(name); // still being copied while the centre started: waited for like any other
            }
        }
        files.removeOrphanMarkers();
        deployer.runOnThread(() -> ready = true);
    }

    boolean ready() {
        return ready;
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
        try {
            List<String> jars = files.jarsInOrder();
            Set<String> now = Set.copyOf(jars);
            for (String gone : List.copyOf(known)) {
                if (!now.contains(gone) && known.remove(gone)) {
                    deployer.fileRemoved(gone);
                }
            }
            jars.forEach(this::observe);
        } catch (IOException e) {
            LOG.warn("deploy folder {} cannot be listed: {}", dir, e.getMessage());
        }
    }

    /** Notes how the file looks now and looks again after a quiet spell. */
    private void observe(String name) {
        Settling.Seen seen = Settling.look(dir.resolve(name), null, System.nanoTime());
        if (seen != null) {
            pending.put(name, seen);
            timer.schedule(() -> settle(name), Settling.QUIET_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void settle(String name) {
        Settling.Seen before = pending.get(name);
        if (before == null) {
            return;
        }
        Path file = dir.resolve(name);
        Settling.Seen now = Settling.look(file, before, System.nanoTime());
        if (now == null) {
            pending.remove(name, before);
            return;
        }
        switch (Settling.next(before, now, () -> JarCheck.isCompleteZip(file), () -> JarCheck.startsLikeZip(file),
                System.nanoTime())) {
            case LOOK_SOON -> {
                pending.replace(name, before, now);
                timer.schedule(() -> settle(name), Settling.QUIET_MS, TimeUnit.MILLISECONDS);
            }
            case LOOK_LATER -> timer.schedule(() -> settle(name), 5 * Settling.QUIET_MS, TimeUnit.MILLISECONDS);
            case JUDGE -> {
                if (pending.remove(name, before)) {
                    known.add(name);
                    deployer.fileArrived(name);
                }
            }
        }
    }

    /** Writes the refusal reason beside the jar, or removes an old one when {@code reason} is null. */
    void mark(String name, String reason) {
        files.mark(name, reason);
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
                Path partial = files.staged(done.archived(), name);
                known.add(name);
                files.putInPlace(partial, name);
            } else if (before != null && !before.equals(name)) {
                known.remove(before);
                files.delete(before);
                LOG.info("{} replaces {} in {}", name, before, dir.getFileName());
            }
            files.unmark(name);
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
            files.delete(name);
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
