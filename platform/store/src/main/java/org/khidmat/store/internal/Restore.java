package org.khidmat.store.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/khidmat restore FILE [--key KEYFILE]}: puts a backup in place of a stopped centre's database. It refuses
 * while a centre runs from the home ({@link CentreLock}); copies the backup beside the database and checks the copy
 * ({@link BackupCheck}) under the key the centre will use (the home's {@code data/audit.key}, or the one given, which
 * then replaces it); only then moves the database with its {@code -wal} and {@code -shm} files (and a replaced key)
 * into {@code data/before-restore-TIME/}, never deleting them, and moves the copy into place. A refused restore leaves
 * {@code data/} as it was.
 */
final class Restore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Restore() {
    }

    /** @return 0 restored, 1 refused (the backup is not good, or a centre runs), 2 on usage or a missing file */
    static int run(Path home, Path backup, Path keyGiven, PrintStream out, PrintStream err) throws IOException {
        Path data = home.resolve("data");
        Path db = data.resolve("khidmat.db");
        Path keyFile = AuditKey.besides(db);
        String running = CentreLock.holder(data);
        if (running != null) {
            err.println("restore refused: a centre runs from " + home + " (" + running + "); stop it first, then restore");
            return 1;
        }
        if (!Files.isRegularFile(backup)) {
            err.println("restore refused: " + backup + " is not a file");
            return 2;
        }
        Path keySource = keyGiven != null ? keyGiven : keyFile;
        if (!Files.isRegularFile(keySource)) {
            err.println("restore refused: no audit key at " + keySource + "; give the key the backup was made under"
                    + " with --key KEYFILE (the centre's data/audit.key, kept apart from the backups)");
            return 2;
        }
        byte[] key = AuditKey.read(keySource);
        Files.createDirectories(data);
        Path incoming = data.resolve("khidmat.db.restoring");
        Files.deleteIfExists(incoming);
        Files.copy(backup, incoming);
        Files.setPosixFilePermissions(incoming, OWNER_ONLY);
        BackupCheck check = BackupCheck.of(incoming, key);
        if (!check.good()) {
            Files.deleteIfExists(incoming);
            err.println("restore refused, " + data + " left as it was: " + backup + " is not a good backup: "
                    + check.problem());
            return 1;
        }
        boolean newKey = keyGiven != null && !(Files.isRegularFile(keyFile) && Arrays.equals(AuditKey.read(keyFile), key));
        Path aside = data.resolve("before-restore-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        int kept = 0;
        for (Path previous : List.of(db, data.resolve("khidmat.db-wal"), data.resolve("khidmat.db-shm"), keyFile)) {
            if (Files.exists(previous) && (!previous.equals(keyFile) || newKey)) {
                Files.createDirectories(aside);
                Files.move(previous, aside.resolve(previous.getFileName()));
                kept++;
            }
        }
        if (newKey) {
            Path partial = data.resolve(AuditKey.FILE_NAME + ".restoring");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(partial, Files.readAllBytes(keySource));
            Files.move(partial, keyFile, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
        out.println("restored " + backup + " into " + db + ": " + check.summary());
        if (kept > 0) {
            out.println("the previous " + (newKey ? "database and audit key are" : "database is") + " kept in " + aside
                    + " (delete it when the restored centre is checked)");
        }
        return 0;
    }
}
