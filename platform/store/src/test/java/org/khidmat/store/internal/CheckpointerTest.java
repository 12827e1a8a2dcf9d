package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL is copied into the database file off the writer's thread; the writer's own checkpoint is a backstop. */
class CheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void theWalIsCheckpointedInTheBackgroundAndTheWriterOnlyAsABackstop() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("k.db"))) {
            assertEquals(String.valueOf(Checkpointer.BACKSTOP_PAGES),
                    db.write("read the writer's checkpoint", c -> SqliteDatabase.pragma(c, "wal_autocheckpoint")));
            SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
            for (int i = 0; i < 50; i++) {
                FilingTest.file(store, "CP-" + i, "sms").orElseThrow();
            }
            for (int i = 0; i < 500 && db.framesCheckpointed() == 0; i++) {
                Thread.sleep(20);
            }
            assertTrue(db.framesCheckpointed() > 0, "the background checkpoint copied the WAL's frames");
        }
    }
}
