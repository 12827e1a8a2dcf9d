package org.khidmat.core.internal.deploy;

import java.nio.file.Path;

/**
 * Paths built from bundle data (symbolic names, versions, file names read back from the deployer's state):
 * only one plain file name below a known folder, never a path that climbs out of it.
 */
final class SafePaths {
    /** Longest file name most file systems take. */
    static final int MAX_NAME = 255;

    private SafePaths() {
    }

    /**
     * @return {@code folder/name}
     * @throws IllegalArgumentException when {@code name} is not one plain path segment: empty, {@code .} or
     *     {@code ..}, holding a separator, a drive colon or a control character, or longer than {@value #MAX_NAME}
     */
    static Path child(Path folder, String name) {
        if (!isPlainName(name)) {
            throw new IllegalArgumentException("'" + ManifestSyntax.printable(name)
                    + "' is not a plain file name; refusing to use it as a path below " + folder.getFileName());
        }
        Path child = folder.resolve(name);
        if (!child.normalize().getParent().equals(folder.normalize())) {
            throw new IllegalArgumentException("'" + ManifestSyntax.printable(name) + "' leaves " + folder.getFileName());
        }
        return child;
    }

    /** Whether {@code name} is one plain path segment that {@link #child} takes. */
    static boolean isPlainName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} names no {@code .} or {@code ..} segment, so it cannot climb out of where it starts. */
    static boolean hasNoDotSegments(Path path) {
        for (Path part : path) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                return false;
            }
        }
        return true;
    }
}
