package org.khidmat.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Takes group and other permissions off everything under the given folders (and the folders themselves): the
 * database, its WAL, the message log, the framework cache, the deployer's copies and the audit key are the centre's
 * user's alone. {@code bin/khidmat} sets umask 077 so new files start that way; this mends what an older centre,
 * or a start without the script, left readable by all. Symbolic links are not followed.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /**
     * @param folders folders to tighten; missing ones are created owner-only
     * @return how many files and folders had group or other permissions taken off
     * @throws IOException when a folder cannot be created or walked; a file that cannot be changed is skipped
     */
    static int tighten(Path... folders) throws IOException {
        int[] changed = {0};
        for (Path folder : folders) {
            if (Files.notExists(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            }
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    changed[0] += strip(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    changed[0] += attrs.isSymbolicLink() ? 0 : strip(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return changed[0];
    }

    private static int strip(Path p) {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
            Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
            owner.addAll(now);
            if (!owner.removeAll(OTHERS)) {
                return 0;
            }
            Files.setPosixFilePermissions(p, owner);
            return 1;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }
}
