package org.khidmat.launcher.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Watches {@code conf/} and hands each changed {@code *.cfg.json} to the {@link ConfigFolder}, once its writes have
 * settled (an editor writes a file in several steps; a tenth of a second without events ends a change).
 */
public final class ConfigWatch implements AutoCloseable {
    private static final long SETTLE_MS = 100;
    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatch(ConfigFolder folder, Logger log) throws IOException {
        Path dir = folder.folder();
        watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = new Thread(() -> run(folder, log), "khidmat-config");
        thread.setDaemon(true);
    }

    /** @return a started watch of the folder's files */
    public static ConfigWatch start(ConfigFolder folder, Logger log) throws IOException {
        ConfigWatch w = new ConfigWatch(folder, log);
        w.thread.start();
        return w;
    }

    private void run(ConfigFolder folder, Logger log) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Set<String> pids = new TreeSet<>();
                while (key != null) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.context() instanceof Path p && p.getFileName().toString().endsWith(ConfigFolder.SUFFIX)) {
                            String name = p.getFileName().toString();
                            pids.add(name.substring(0, name.length() - ConfigFolder.SUFFIX.length()));
                        }
                    }
                    key.reset();
                    key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
                }
                for (String pid : pids) {
                    try {
                        folder.changed(pid);
                    } catch (RuntimeException e) {
                        log.error("conf/{}{} could not be taken: {}", pid, ConfigFolder.SUFFIX, e.toString());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    @java.lang.Override
    public void close() throws IOException {
        watcher.close();
    }
}
