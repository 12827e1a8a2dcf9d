package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that keys the audit chain: 32 random bytes, as hex, in a file beside the database (never in it),
 * readable by the centre's user only. Created at the first start; whoever can read it can rewrite the chain, so it
 * is kept out of backups of the database and out of the export.
 *
 * @param bytes the key
 * @param file where it is kept
 * @param created whether this call created it
 */
record AuditKey(byte[] bytes, Path file, boolean created) {
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    static final String FILE_NAME = "audit.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** @return the key file beside the database file */
    static Path besides(Path databaseFile) {
        Path parent = databaseFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(FILE_NAME) : parent.resolve(FILE_NAME);
    }

    /** Reads the key, or creates it (owner-only) when the file does not exist. */
    static AuditKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return new AuditKey(read(file), file, false);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                out.write(java.nio.ByteBuffer.wrap((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new StoreException("could not create the audit key " + file + ": " + e.getMessage()
                    + "; the folder must be writable by the centre's user", e);
        }
        LOG.info("Created the audit key {} (owner-only; keep it out of database backups)", file);
        return new AuditKey(key, file, true);
    }

    /** Reads an existing key; for the offline check. */
    static byte[] read(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                LOG.warn("The audit key {} was readable by others; made it owner-only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length < 32) {
                throw new StoreException("the audit key " + file + " is too short (" + key.length
                        + " bytes); restore it from where it was kept", null);
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("could not read the audit key " + file + ": " + e.getMessage()
                    + "; restore it from where it was kept (without it the chain cannot be checked)", e);
        }
    }
}
