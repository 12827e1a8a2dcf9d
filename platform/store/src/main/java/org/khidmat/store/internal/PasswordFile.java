package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.khidmat.api.platform.StoreException;

/**
 * The database password, read from a file only its owner can read ({@code passwordFile} of
 * {@code org.khidmat.store}): never from the configuration itself, never in a log line or a message.
 */
final class PasswordFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PasswordFile() {
    }

    /**
     * @param file the file; its first line is the password (a trailing line break is not part of it)
     * @return the password
     * @throws StoreException when the file is missing, unreadable, empty or readable by others than its owner
     */
    static String read(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new StoreException("the database password file " + file + " may be read by others than its"
                        + " owner; make it owner-only (chmod 600 " + file + ")", null);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system: nothing to check
        } catch (IOException e) {
            throw new StoreException("could not read the database password file " + file + " (" + e
                    + "); write the password into it, owner-only, or leave passwordFile empty", e);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String password = text.lines().findFirst().orElse("");
            if (password.isEmpty()) {
                throw new StoreException("the database password file " + file + " is empty; write the password on its"
                        + " first line", null);
            }
            return password;
        } catch (IOException e) {
            throw new StoreException("could not read the database password file " + file + " (" + e.getClass()
                    .getSimpleName() + "); check that it exists and the centre's user may read it", e);
        }
    }
}
