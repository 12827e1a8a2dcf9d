package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.BundleDescriptors;
import org.osgi.framework.Version;

/** The checks on a jar that need no framework. */
final class JarCheck {
    /**
     * Bytes read at a time: an agency jar is some kilobytes, and at a start every archived and every deployed jar is
     * read; buffers of 64 KB were about 5 MB of the 60 MB a start with 400 services allocated.
     */
    private static final int BUFFER = 8 * 1024;
    private final Limits limits;

    JarCheck(Limits limits) {
        this.limits = limits;
    }

    /** Whether the file is, right now, a complete zip: a half-written one is not. */
    static boolean isCompleteZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the file begins as a zip does ({@code PK 3 4}), or is too short yet to tell. */
    static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length < 4 || (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4);
        } catch (IOException e) {
            return true; // unreadable for now: look again later
        }
    }

    Candidate check(Path jar) throws Refusal {
        long size;
        try {
            size = Files.size(jar);
        } catch (IOException e) {
            throw Refusal.of(e, "refusal.unreadableFile", jar.getFileName(), e.getMessage());
        }
        if (size > limits.maxJarBytes()) {
            throw Refusal.of("refusal.tooLarge", size, limits.maxJarBytes());
        }
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            entries(zip);
            Manifest manifest = zip.getManifest();
            if (manifest == null) {
                throw Refusal.of("refusal.noManifest");
            }
            Attributes main = manifest.getMainAttributes();
            String bsn = ManifestSyntax.symbolicName(main.getValue("Bundle-SymbolicName"));
            ManifestSyntax.noControlCharacters(main);
            if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
                throw Refusal.of("refusal.manifestVersion", bsn);
            }
            Version version = ManifestSyntax.version(bsn, main.getValue("Bundle-Version"));
            String header = main.getValue(AgencyBundle.SERVICES_HEADER);
            List<ServiceDescriptor> descriptors = header == null ? List.of() : descriptors(zip, bsn, version, header);
            return new Candidate(jar, bsn, version, main.getValue("Import-Package"), main.getValue("Export-Package"),
                    descriptors, sha256(jar), main.getValue("Require-Bundle"), main.getValue("DynamicImport-Package"),
                    main.getValue("Fragment-Host"));
        } catch (ZipException e) {
            throw Refusal.of(e, "refusal.notZip", e.getMessage());
        } catch (IOException e) {
            throw Refusal.of(e, "refusal.unreadableJar", e.getMessage());
        } catch (SecurityException e) {
            throw Refusal.of(e, "refusal.signatureMismatch", e.getMessage());
        }
    }

    /**
     * Checks every entry's name, and inflates every entry with a running cap: the sizes a jar declares are
     * not trusted, since the framework extracts nested jars and native code by what they really inflate to.
     */
    private void entries(ZipFile zip) throws Refusal, IOException {
        if (zip.size() > limits.maxEntries()) {
            throw Refusal.of("refusal.tooManyEntries", zip.size(), limits.maxEntries());
        }
        long declared = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            declared += Math.max(0, e.nextElement().getSize());
        }
        if (declared > limits.maxUncompressedBytes()) { // honest about it: no need to inflate anything
            throw Refusal.of("refusal.expandsTooMuch", limits.maxUncompressedBytes());
        }
        long expanded = 0;
        byte[] buffer = new byte[BUFFER];
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                    || ("/" + name + "/").contains("/../") || name.chars().anyMatch(Character::isISOControl)) {
                throw Refusal.of("refusal.unsafePath", ManifestSyntax.printable(name));
            }
            if (entry.isDirectory()) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    expanded += n;
                    if (expanded > limits.maxUncompressedBytes()) {
                        throw Refusal.of("refusal.expandsTooMuchAt", limits.maxUncompressedBytes(), ManifestSyntax.printable(name));
                    }
                }
            }
        }
    }

    private static List<ServiceDescriptor> descriptors(ZipFile zip, String bsn, Version version, String header)
            throws Refusal, IOException {
        try {
            return BundleDescriptors.readAll(header, new BundleDescriptors.Source() {
                @Override
                public InputStream open(String path) throws IOException {
                    ZipEntry entry = zip.getEntry(path);
                    return entry == null || entry.isDirectory() ? null : zip.getInputStream(entry);
                }

                @Override
                public List<String> list(String folder) {
                    List<String> out = new ArrayList<>();
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        String rest = entry.getName().startsWith(folder) ? entry.getName().substring(folder.length()) : null;
                        if (rest != null && rest.endsWith(".json") && !rest.contains("/")) {
                            out.add(entry.getName());
                        }
                    }
                    Collections.sort(out);
                    return out;
                }
            });
        } catch (DescriptorException e) {
            throw Refusal.of("refusal.badDescriptors", bsn + " " + version, String.join("; ", e.problems()));
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
