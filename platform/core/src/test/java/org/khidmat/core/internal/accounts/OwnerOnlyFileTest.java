package org.khidmat.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first admin's password file: owner-only from the start, and a clear failure when it cannot be written. */
class OwnerOnlyFileTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsTheOwnersOnlyAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("data/initial-admin-password");
        FirstAdmin.writeOwnerOnly(file, "old\n");
        FirstAdmin.writeOwnerOnly(file, "secret\n");
        assertEquals("secret\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFolderThatCannotBeMadeIsAnError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("data"), "a file where the folder should be");
        assertThrows(IOException.class, () -> FirstAdmin.writeOwnerOnly(blocker.resolve("initial-admin-password"), "x"));
    }
}
