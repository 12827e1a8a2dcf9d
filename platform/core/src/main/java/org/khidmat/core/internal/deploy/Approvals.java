package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.khidmat.api.platform.PendingBundle;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.WaitingBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Code is not self-service: a jar with classes that an agency account uploads waits, with what an admin needs to judge
 * it, until a centre admin approves or rejects it. The waiting jars and the approved hashes are kept in the database
 * ({@link BundleApprovals}), so an admin on any node lists and approves a jar uploaded on any other, and the same jar
 * never asks twice. A jar being judged or deployed is written to {@code data/deployer/pending/<sha256>.jar}, a work
 * copy deleted after.
 */
final class Approvals {
    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final BundleApprovals store;
    private final Path folder;

    Approvals(BundleApprovals store, Path deployerFolder) throws IOException {
        this.store = store;
        this.folder = Files.createDirectories(deployerFolder.resolve("pending"));
    }

    /** @return whether the jar carries code: any class file, an activator, components, native code or inner jars */
    static boolean hasCode(Path jar) throws IOException {
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            Attributes main = zip.getManifest() == null ? new Attributes() : zip.getManifest().getMainAttributes();
            for (String h : List.of("Bundle-Activator", "Service-Component", "Bundle-NativeCode", "Bundle-ClassPath",
                    "DynamicImport-Package", "Require-Bundle", "Fragment-Host")) {
                String v = main.getValue(h);
                if (v != null && !(h.equals("Bundle-ClassPath") && v.strip().equals("."))) {
                    return true;
                }
            }
            for (ZipEntry e : Collections.list(zip.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") || n.endsWith(".jar") || n.endsWith(".so") || n.endsWith(".dll")) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isApproved(String sha256) {
        return store.isApproved(sha256);
    }

    /** Keeps the jar waiting and describes it. */
    PendingBundle park(Path jar, Candidate c, String agency, String uploadedBy) throws IOException {
        PendingBundle p = describe(jar, c, agency, uploadedBy, Instant.now());
        store.park(WaitingBundle.of(c.sha256(), c.symbolicName(), c.version().toString(), agency, uploadedBy,
                p.uploadedAt()), Files.readAllBytes(jar));
        return p;
    }

    /**
     * Approves the waiting jar with this hash for {@code actor}, in one step on every node, and writes its work copy.
     *
     * @return the jar and who uploaded it for which agency; empty when no jar with this hash waits (any more)
     */
    Optional<Waiting> take(String sha256, String actor) throws IOException {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Optional<WaitingBundle> w = store.waiting(sha256);
        Optional<byte[]> bytes = store.jar(sha256);
        if (w.isEmpty() || bytes.isEmpty() || !store.approve(sha256, actor, Instant.now())) {
            return Optional.empty();
        }
        Path jar = workCopy(sha256, bytes.get());
        return Optional.of(new Waiting(jar, w.get().uploadedBy(), w.get().agency(), w.get().uploadedAt()));
    }

    /** A jar taken out of the waiting ones, in its work copy. */
    record Waiting(Path jar, String uploadedBy, String agency, Instant uploadedAt) {
    }

    /** @return whether a jar with this hash waited; it waits no more */
    boolean reject(String sha256) {
        return sha256 != null && SHA.matcher(sha256).matches() && store.reject(sha256);
    }

    /** Deletes the work copy of a jar taken. */
    void forget(String sha256) {
        try {
            Files.deleteIfExists(folder.resolve(sha256 + ".jar"));
        } catch (IOException e) {
            LOG.warn("cannot delete the work copy of jar {}: {}", sha256, e.getMessage());
        }
    }

    /** @return the waiting jars, oldest first, described by {@code check} */
    List<PendingBundle> list(JarCheck check) {
        List<PendingBundle> out = new ArrayList<>();
        for (WaitingBundle w : store.waiting()) {
            Optional<byte[]> bytes = store.jar(w.sha256());
            if (bytes.isEmpty()) {
                continue; // approved or rejected on another node meanwhile
            }
            Path f = null;
            try {
                f = workCopy(w.sha256() + "-listed", bytes.get());
                out.add(describe(f, check.check(f), w.agency(), w.uploadedBy(), w.uploadedAt()));
            } catch (Refusal r) {
                LOG.warn("a waiting jar no longer checks: {}", r.getMessage());
            } catch (IOException e) {
                LOG.warn("cannot describe the waiting jar {}: {}", w, e.getMessage());
            } finally {
                deleteQuietly(f);
            }
        }
        return out;
    }

    private Path workCopy(String name, byte[] jar) throws IOException {
        Path partial = folder.resolve(name + ".jar.partial");
        Files.write(partial, jar);
        return Files.move(partial, folder.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path f) {
        try {
            if (f != null) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.debug("could not delete {}", f, e);
        }
    }

    private static PendingBundle describe(Path jar, Candidate c, String agency, String by, Instant at) throws IOException {
        List<String> imports = new ArrayList<>();
        ManifestClauses.parse(c.importPackage()).forEach(cl -> imports.addAll(cl.names()));
        List<String> components = new ArrayList<>();
        int classes = 0;
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            Attributes main = zip.getManifest().getMainAttributes();
            if (main.getValue("Bundle-Activator") != null) {
                components.add("activator " + main.getValue("Bundle-Activator"));
            }
            ManifestClauses.parse(main.getValue("Service-Component")).forEach(cl -> components.addAll(cl.names()));
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class")) {
                    classes++;
                }
            }
        }
        return new PendingBundle(c.sha256(), c.symbolicName(), c.version().toString(), agency, by, at,
                List.copyOf(imports), List.copyOf(components), classes, c.serviceIds());
    }
}
