package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @TempDir
    Path home;

    private String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void takesGroupAndOtherBitsOffWhatAnOlderCentreLeftAndKeepsTheOwners() throws Exception {
        Path data = Files.createDirectories(home.resolve("data/simnotify"));
        Path db = Files.writeString(home.resolve("data/khidmat.db"), "x");
        Path sent = Files.writeString(data.resolve("sent.jsonl"), "{}");
        Path lib = Files.writeString(home.resolve("data/libsqlitejdbc.so"), "x");
        Files.setPosixFilePermissions(home.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(sent, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve("logs"));
        Files.setPosixFilePermissions(home.resolve("logs"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(5 + 1, OwnerOnly.tighten(home.resolve("data"), home.resolve("logs")), "every one of the six");
        assertEquals("rwx------", mode(home.resolve("data")));
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(sent));
        assertEquals("rwx------", mode(lib), "the owner's own bits stay");
        assertEquals("rwx------", mode(home.resolve("logs")));
        assertEquals(0, OwnerOnly.tighten(home.resolve("data"), home.resolve("logs")), "nothing left to do");
        OwnerOnly.tighten(home.resolve("missing"));
        assertEquals("rwx------", mode(home.resolve("missing")), "a missing folder is made owner-only");
    }
}
