package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.StatusChange;

/** The backup of a centre while it files applications, its check, and the restore drill with its refusals. */
class BackupRestoreTest {
    private static final Instant FILED = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path home(String name) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name).resolve("data"));
        Files.writeString(data.resolve("audit.key"), HexFormat.of().formatHex(TestChain.KEY) + "\n");
        Files.setPosixFilePermissions(data.resolve("audit.key"), PosixFilePermissions.fromString("rw-------"));
        return data.getParent();
    }

    private int tool(String... args) {
        return BackupTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void file(SqlApplicationStore store, String ref) {
        store.create(new ApplicationRecord(ref, "ictpolice.character-cert", 1, "ictpolice", "6110112345671", "normal",
                Map.of("cnic", "6110112345671"), "submitted", "due", FILED, FILED),
                new StatusChange(ref, FILED, "citizen", null, "submitted", null),
                AuditNote.of("citizen", "application.submit", ref, "ictpolice.character-cert v1, tier normal"));
    }

    /** A centre with {@code n} applications, closed. */
    private Path centre(String name, int n) throws Exception {
        Path home = home(name);
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("data/khidmat.db"))) {
            SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
            for (int i = 0; i < n; i++) {
                file(store, name.toUpperCase() + "-" + i);
            }
        }
        return home;
    }

    @Test
    void aBackupTakenWhileApplicationsStreamInRestoresEveryAcknowledgedOne() throws Exception {
        Path home = home("live");
        Path backup = dir.resolve("backups/khidmat.db");
        List<String> acknowledgedBefore;
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("data/khidmat.db"))) {
            SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread w = new Thread(() -> {
                    for (int i = 0; !stop.get() && i < 5_000; i++) {
                        String ref = "T" + thread + "-" + i;
                        file(store, ref);
                        acknowledged.add(ref);
                    }
                });
                w.start();
                writers.add(w);
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(5);
            }
            acknowledgedBefore = List.copyOf(acknowledged);
            int code = tool("--home", home.toString(), "backup", backup.toString());
            int afterBackup = acknowledged.size();
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
            assertEquals(0, code, err.toString());
            assertTrue(afterBackup > acknowledgedBefore.size(), "applications were filed during the backup");
        }
        assertTrue(out.toString().contains("backup good"), out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        assertFalse(Files.exists(backup.resolveSibling(".khidmat.db.partial")));
        assertTrue(Files.readString(home.resolve("data/" + Backup.LAST)).contains(backup.toString()));

        Path fresh = dir.resolve("fresh");
        assertEquals(0, tool("--home", fresh.toString(), "restore", backup.toString(), "--key",
                home.resolve("data/audit.key").toString()), err.toString());
        try (SqliteDatabase db = SqliteDatabase.open(fresh.resolve("data/khidmat.db"))) {
            SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
            for (String ref : acknowledgedBefore) {
                assertTrue(store.find(ref).isPresent(), ref + " was acknowledged before the backup began");
            }
            assertTrue(new SqlAuditLog(db, TestChain.of(db)).verify().intact());
        }
    }

    /**
     * A centre whose data is in PostgreSQL has no SQLite file worth copying (an old one may still lie in data/): backup
     * and restore refuse, name pg_dump and pg_restore, and write nothing.
     */
    @Test
    void onPostgresqlBackupAndRestoreSendToPgDumpAndTouchNothing() throws Exception {
        Path home = centre("pg", 2);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/org.khidmat.store.cfg.json"),
                "{ \"url\": \"jdbc:postgresql://127.0.0.1:5432/khidmat\", \"user\": \"khidmat\" }");
        byte[] before = Files.readAllBytes(home.resolve("data/khidmat.db"));
        Path copy = dir.resolve("pg-backup.db");

        assertEquals(2, tool("--home", home.toString(), "backup", copy.toString()));
        assertTrue(err.toString().contains("pg_dump"), err.toString());
        assertFalse(Files.exists(copy), "no backup file is written");
        assertEquals(2, tool("--home", home.toString(), "restore", copy.toString()));
        assertTrue(err.toString().contains("pg_restore"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(home.resolve("data/khidmat.db")), "the old file is untouched");
    }

    @Test
    void restoreIsRefusedWhileTheCentreRuns() throws Exception {
        Path home = centre("running", 3);
        Path backup = dir.resolve("b.db");
        assertEquals(0, tool("--home", home.toString(), "backup", backup.toString()), err.toString());
        Path lock = home.resolve("data/khidmat.lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            channel.write(java.nio.ByteBuffer.wrap("pid=4242 port=8080".getBytes(StandardCharsets.UTF_8)));
            byte[] before = Files.readAllBytes(home.resolve("data/khidmat.db"));
            assertEquals(1, tool("--home", home.toString(), "restore", backup.toString()));
            assertTrue(err.toString().contains("a centre runs") && err.toString().contains("pid=4242"), err.toString());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(home.resolve("data/khidmat.db"))));
        }
        assertEquals(0, tool("--home", home.toString(), "restore", backup.toString()), err.toString());
        try (Stream<Path> kept = Files.list(home.resolve("data"))) {
            Path aside = kept.filter(p -> p.getFileName().toString().startsWith("before-restore-")).findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(aside.resolve("khidmat.db")), "the previous database is kept");
        }
    }

    @Test
    void aCorruptedBackupIsRefusedAndTheDataLeftAsItWas() throws Exception {
        Path home = centre("corrupt", 50);
        Path backup = dir.resolve("c.db");
        assertEquals(0, tool("--home", home.toString(), "backup", backup.toString()), err.toString());
        try (RandomAccessFile f = new RandomAccessFile(backup.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[4096]);
        }
        Path target = centre("target", 2);
        byte[] before = Files.readAllBytes(target.resolve("data/khidmat.db"));
        assertEquals(1, tool("--home", target.toString(), "restore", backup.toString()));
        assertTrue(err.toString().contains("not a good backup"), err.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(target.resolve("data/khidmat.db"))));
        try (Stream<Path> files = Files.list(target.resolve("data"))) {
            assertEquals(List.of("audit.key", "khidmat.db"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aDatabaseWhoseAuditChainWasEditedGivesNoBackup() throws Exception {
        Path home = centre("edited", 5);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/khidmat.db"));
                Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.execute("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2");
        }
        Path backup = dir.resolve("e.db");
        assertEquals(1, tool("--home", home.toString(), "backup", backup.toString()));
        assertTrue(err.toString().contains("NOT good") && err.toString().contains("audit chain"), err.toString());
        assertFalse(Files.exists(backup));
        assertFalse(Files.exists(dir.resolve(".e.db.partial")));
    }

    @Test
    void aRestoreUnderAnotherKeyIsRefused() throws Exception {
        Path home = centre("keyed", 3);
        Path backup = dir.resolve("k.db");
        assertEquals(0, tool("--home", home.toString(), "backup", backup.toString()), err.toString());
        Path other = dir.resolve("other.key");
        Files.writeString(other, "ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertEquals(1, tool("--home", dir.resolve("new").toString(), "restore", backup.toString(), "--key", other.toString()));
        assertTrue(err.toString().contains("does not verify under this key"), err.toString());
        assertFalse(Files.exists(dir.resolve("new/data/khidmat.db")));
    }
}
