package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.khidmat.api.platform.PendingBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Code is not self-service: a jar with classes that an agency account uploads waits here, in
 * {@code data/deployer/pending/<sha256>.jar} with what an admin needs to judge it beside it, until a centre admin
 * approves or rejects it. Approved hashes are kept in {@code data/deployer/approved.properties}, so the same jar
 * never asks twice.
 */
final class Approvals {
    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;
    private final Path approvedFile;
    private final Properties approved = new Properties();

    Approvals(Path deployerFolder) throws IOException {
        this.folder = Files.createDirectories(deployerFolder.resolve("pending"));
        this.approvedFile = deployerFolder.resolve("approved.properties");
        if (Files.isReadable(approvedFile)) {
            try (InputStream in = Files.newInputStream(approvedFile)) {
                approved.load(in);
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot read {}: {}", approvedFile.getFileName(), e.getMessage());
            }
        }
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
        return approved.containsKey(sha256);
    }

    /** Keeps the jar waiting and describes it. */
    PendingBundle park(Path jar, Candidate c, String agency, String uploadedBy) throws IOException {
        Path kept = folder.resolve(c.sha256() + ".jar");
        Files.copy(jar, kept, StandardCopyOption.REPLACE_EXISTING);
        PendingBundle p = describe(kept, c, agency, uploadedBy, Instant.now());
        Properties meta = new Properties();
        meta.setProperty("uploadedBy", uploadedBy);
        meta.setProperty("uploadedAt", Long.toString(p.uploadedAt().toEpochMilli()));
        meta.setProperty("agency", agency == null ? "" : agency);
        write(folder.resolve(c.sha256() + ".properties"), meta, "a jar waiting for approval");
        return p;
    }

    /** @return the waiting jar with this hash, and who uploaded it for which agency */
    Optional<Waiting> waiting(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path jar = folder.resolve(sha256 + ".jar");
        Path metaFile = folder.resolve(sha256 + ".properties");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String agency = meta.getProperty("agency", "");
        Instant at = Instant.ofEpochMilli(Long.parseLong(meta.getProperty("uploadedAt", "0")));
        return Optional.of(new Waiting(jar, meta.getProperty("uploadedBy", "?"), agency.isEmpty() ? null : agency, at));
    }

    /** A jar waiting for approval. */
    record Waiting(Path jar, String uploadedBy, String agency, Instant uploadedAt) {
    }

    void approve(String sha256, String actor) {
        approved.setProperty(sha256, actor + "|" + Instant.now().toEpochMilli());
        write(approvedFile, approved, "jar hashes a centre admin approved");
    }

    void forget(String sha256) {
        try {
            Files.deleteIfExists(folder.resolve(sha256 + ".jar"));
            Files.deleteIfExists(folder.resolve(sha256 + ".properties"));
        } catch (IOException e) {
            LOG.warn("cannot delete the waiting jar {}: {}", sha256, e.getMessage());
        }
    }

    /** @return the waiting jars, oldest first, described by {@code check} */
    List<PendingBundle> list(JarCheck check) {
        List<PendingBundle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                String sha = f.getFileName().toString().replace(".jar", "");
                Optional<Waiting> w = waiting(sha);
                if (w.isPresent()) {
                    try {
                        out.add(describe(f, check.check(f), w.get().agency(), w.get().uploadedBy(), w.get().uploadedAt()));
                    } catch (Refusal r) {
                        LOG.warn("a waiting jar no longer checks: {}", r.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the waiting jars: {}", e.getMessage());
        }
        out.sort(Comparator.comparing(PendingBundle::uploadedAt));
        return out;
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

    private static void write(Path file, Properties p, String comment) {
        try {
            StateFiles.write(file, p, comment);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
