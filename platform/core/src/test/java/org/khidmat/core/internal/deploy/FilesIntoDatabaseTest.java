package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.WaitingBundle;

/**
 * An upgraded centre's deployer files ({@code data/deployer/}: agency claims, quarantine, approved hashes, jars
 * waiting) are moved into the database once: everything valid is there after the first start, the files are renamed,
 * a second start moves nothing, and a tampered line is not carried over.
 */
class FilesIntoDatabaseTest {
    private static final String QUARANTINED = "c".repeat(64);
    private static final String APPROVED = "d".repeat(64);
    private static final Instant UPLOADED = Instant.parse("2026-11-30T09:15:00Z");

    @TempDir
    Path dir;

    private final MemoryDeployerState db = MemoryDeployerState.empty();
    private final JarCheck check = new JarCheck(Limits.DEFAULT);

    private FilesIntoDatabase move() {
        return new FilesIntoDatabase(dir, db.approvals, db.quarantine, db.owners);
    }

    @Test
    void theFilesOfAnOlderCentreAreMovedIntoTheDatabaseOnce() throws Exception {
        Files.writeString(dir.resolve("agencies.properties"), "nadra=org.khidmat.plugins.nadra\nevil=../../conf\n");
        Files.writeString(dir.resolve("quarantine.properties"), QUARANTINED
                + "=2026-11-01T10\\:00\\:00Z org.acme.hang 1.0.0\\: did not start within 10 s\n../../etc=evil\n");
        Files.writeString(dir.resolve("approved.properties"), APPROVED + "=admin|1764500000000\n");
        Path pending = Files.createDirectories(dir.resolve("pending"));
        Path built = TestJars.jar(dir, "org.test.alpha", "1.1.0", "alpha", "Alpha", true);
        String sha = JarCheck.sha256(built);
        Files.copy(built, pending.resolve(sha + ".jar"));
        Files.writeString(pending.resolve(sha + ".properties"), "uploadedBy=alpha-staff\nuploadedAt="
                + UPLOADED.toEpochMilli() + "\nagency=alpha\n");

        assertEquals(4, move().run(check));

        assertEquals(Map.of("nadra", "org.khidmat.plugins.nadra"), db.owners.all(), "the tampered line is not carried");
        assertEquals(Map.of(QUARANTINED, "2026-11-01T10:00:00Z org.acme.hang 1.0.0: did not start within 10 s"),
                db.quarantine.all());
        assertTrue(db.approvals.isApproved(APPROVED));
        assertEquals(Map.of(APPROVED, "admin"), db.approvals.approvedBy);
        assertEquals(List.of(WaitingBundle.of(sha, "org.test.alpha", "1.1.0", "alpha", "alpha-staff", UPLOADED)),
                db.approvals.waiting());
        assertArrayEquals(Files.readAllBytes(built), db.approvals.jar(sha).orElseThrow());

        for (String name : List.of("agencies.properties", "quarantine.properties", "approved.properties")) {
            assertFalse(Files.exists(dir.resolve(name)), name + " is moved");
            assertTrue(Files.exists(dir.resolve(name + FilesIntoDatabase.MOVED)), name + " is kept for the record");
        }
        assertFalse(Files.exists(pending.resolve(sha + ".jar")));
        assertEquals(0, move().run(check), "the next start moves nothing");
    }

    @Test
    void aFileTheDatabaseCannotTakeStaysForTheNextStart() throws Exception {
        Files.writeString(dir.resolve("approved.properties"), APPROVED + "=admin|1764500000000\n");
        MemoryDeployerState.Approvals down = new MemoryDeployerState.Approvals() {
            @Override
            public synchronized void approved(String sha256, String by, Instant at) {
                throw new StoreException("record the approval of a jar", null);
            }
        };
        assertEquals(0, new FilesIntoDatabase(dir, down, db.quarantine, db.owners).run(check));
        assertTrue(Files.exists(dir.resolve("approved.properties")), "left to be moved at the next start");

        assertEquals(1, move().run(check));
        assertTrue(db.approvals.isApproved(APPROVED));
    }
}
