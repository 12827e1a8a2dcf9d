package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * What a jar that was refused before it became a candidate claimed to be, for the audit log and the verdict:
 * its symbolic name (cut to a safe alphabet, so a hostile manifest value never reaches a log as written).
 */
final class Claimed {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX = 120;

    private Claimed() {
    }

    /** @return the claimed symbolic name made safe, or {@code null} when the jar names none or cannot be read */
    static String symbolicName(Path jar) {
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            Manifest m = zip.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue(new Attributes.Name("Bundle-SymbolicName"));
            return bsn == null ? null : safe(bsn.split(";")[0].strip());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String safe(String claimed) {
        if (claimed.isEmpty()) {
            return null;
        }
        String s = UNSAFE.matcher(claimed).replaceAll("_");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
