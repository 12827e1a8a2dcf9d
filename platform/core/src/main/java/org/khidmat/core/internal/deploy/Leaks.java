package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds threads a bundle left running after it was stopped: any live thread with one of the bundle's classes on
 * its stack (or of one of its classes itself). A thread parked only in JDK code (a bare {@code java.util.Timer}
 * waiting) shows no such frame and is not seen.
 */
final class Leaks {
    private Leaks() {
    }

    /** @return the binary names of the classes the jar carries, read from its entries */
    static Set<String> classNames(Path jar) {
        Set<String> out = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    out.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return out;
    }

    /** @return the highest thread id in use now: threads made later are not the ones looked for */
    static long lastThreadId() {
        long max = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            max = Math.max(max, t.getId());
        }
        return max;
    }

    /**
     * @param classes the bundle's classes
     * @param bornBy only threads whose id is at most this (made before a newer version started), or
     *        {@link Long#MAX_VALUE} for all
     * @return the names of live threads running those classes, sorted
     */
    static List<String> running(Set<String> classes, long bornBy) {
        if (classes.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!t.isAlive() || t.getId() > bornBy || t == Thread.currentThread()) {
                continue;
            }
            boolean ours = classes.contains(t.getClass().getName());
            for (StackTraceElement frame : e.getValue()) {
                ours |= classes.contains(frame.getClassName());
            }
            if (ours) {
                out.add(t.getName());
            }
        }
        Collections.sort(out);
        return out;
    }
}
