package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.StoreException;

/** The database password comes from an owner-only file, and never shows in a message. */
class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFirstLineOfAnOwnerOnlyFile() throws Exception {
        Path f = Files.writeString(dir.resolve("db.password"), "s3cret pw\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals("s3cret pw", PasswordFile.read(f));
    }

    @Test
    void aFileOthersMayReadIsRefusedSayingHowToFixItWithoutThePassword() throws Exception {
        Path f = Files.writeString(dir.resolve("db.password"), "s3cret\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        StoreException e = assertThrows(StoreException.class, () -> PasswordFile.read(f));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void aMissingOrEmptyFileIsNamed() throws Exception {
        assertTrue(assertThrows(StoreException.class, () -> PasswordFile.read(dir.resolve("none"))).getMessage()
                .contains("none"));
        Path empty = Files.createFile(dir.resolve("empty"));
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(StoreException.class, () -> PasswordFile.read(empty)).getMessage().contains("empty"));
    }

    @Test
    void aUrlWithAPasswordOrOfAnotherDatabaseIsRefused() {
        StoreException withPassword = assertThrows(StoreException.class, () -> DatabaseComponent.open(
                config("jdbc:postgresql://db/khidmat?user=k&password=s3cret"), Map.<String, String>of()::get));
        assertTrue(withPassword.getMessage().contains("passwordFile"), withPassword.getMessage());
        assertFalse(withPassword.getMessage().contains("s3cret"), withPassword.getMessage());
        StoreException mysql = assertThrows(StoreException.class, () -> DatabaseComponent.open(
                config("jdbc:mysql://db/khidmat"), Map.<String, String>of()::get));
        assertTrue(mysql.getMessage().contains("jdbc:postgresql://"), mysql.getMessage());
    }

    private static StoreConfig config(String url) {
        return new StoreConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String database() {
                return "";
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String passwordFile() {
                return "";
            }

            @Override
            public int poolSize() {
                return 10;
            }
        };
    }
}
