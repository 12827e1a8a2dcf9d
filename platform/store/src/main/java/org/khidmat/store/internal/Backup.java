package org.khidmat.store.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * {@code bin/khidmat backup FILE}: a consistent copy of a running (or stopped) centre's database, taken by a separate
 * process. It opens {@code data/khidmat.db} read-only beside the centre (WAL lets a reader see the last commit while
 * the centre keeps writing) and runs {@code VACUUM INTO}, which writes one read transaction's snapshot to a new
 * file: every application the centre acknowledged before the copy began is in it, each with its audit entry (both
 * are written in one transaction). The copy goes to a temporary name beside the target, owner-only, is checked
 * ({@link BackupCheck}: integrity, schema, the audit chain under the centre's key), then moved into place. The audit
 * key is not in the copy: it stays in {@code data/audit.key}, and the restore needs it.
 */
final class Backup {
    static final String LAST = "last-backup.properties";
    private static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private Backup() {
    }

    /** @return 0 when the backup is written and good, 1 when it is not good (nothing left at the target), 2 on usage */
    static int take(Path home, Path target, PrintStream out, PrintStream err) throws IOException, SQLException {
        Path data = home.resolve("data");
        Path db = data.resolve("khidmat.db");
        Path keyFile = AuditKey.besides(db);
        if (!Files.isRegularFile(db) || !Files.isRegularFile(keyFile)) {
            err.println("cannot back up: " + (Files.isRegularFile(db) ? keyFile : db) + " does not exist; give the"
                    + " centre's home with KHIDMAT_HOME");
            return 2;
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            err.println("cannot back up: " + absolute + " is a folder; give a file name, like khidmat-2026-12-02.db");
            return 2;
        }
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // VACUUM INTO writes into an empty file: made first, so it is owner-only from its first byte
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        byte[] key = AuditKey.read(keyFile);
        try {
            try (Connection c = BackupCheck.readOnly(db);
                    PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            BackupCheck check = BackupCheck.of(partial, key);
            if (!check.good()) {
                err.println("backup NOT good, nothing written to " + absolute + ": " + check.problem());
                return 1;
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            record(data, absolute, check);
            out.println("backup good: " + absolute + " " + check.summary() + " lastAuditHash=" + check.lastHash());
            out.println("the audit key is not in the backup: it stays in " + keyFile + " (fingerprint "
                    + fingerprint(key) + "); keep a copy apart from the backups, a restore into a new home needs it"
                    + " (khidmat restore FILE --key KEYFILE)");
            return 0;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A short public name of a key, to tell two keys apart without showing either: SHA-256, first 16 hex digits. */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Notes the backup in {@code data/last-backup.properties}, for {@code khidmat status}. */
    private static void record(Path data, Path file, BackupCheck check) throws IOException {
        Properties p = new Properties();
        p.setProperty("at", Instant.now().toString());
        p.setProperty("file", file.toString());
        p.setProperty("applications", Long.toString(check.applications()));
        p.setProperty("lastAuditSeq", Long.toString(check.lastSeq()));
        p.setProperty("bytes", Long.toString(check.bytes()));
        Path temporary = data.resolve(LAST + ".new");
        try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            p.store(w, "the last good backup, written by khidmat backup");
        }
        Files.move(temporary, data.resolve(LAST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
