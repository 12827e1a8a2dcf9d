package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditCheck;

/** The cheap check of the new entries only ({@code AuditLog.verifyFrom}), that the centre runs every few minutes. */
class AuditIncrementalCheckTest {
    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqlAuditLog log;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        log = new SqlAuditLog(db, TestChain.of(db));
        for (int i = 1; i <= 10; i++) {
            log.append("admin", "test.event", "thing " + i, "detail " + i);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void behindTheBack(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db"));
                Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
            s.executeUpdate(sql);
        }
    }

    private long last() {
        return log.search(null, 1).get(0).seq();
    }

    @Test
    void checksOnlyTheEntriesFromTheGivenOneAndSaysHowMany() {
        long last = last();
        AuditCheck tail = log.verifyFrom(last - 3);
        assertTrue(tail.intact(), tail.message());
        assertEquals(4, tail.entries(), tail.message());
        AuditCheck none = log.verifyFrom(last + 1);
        assertTrue(none.intact(), none.message());
        assertEquals(0, none.entries());
        assertEquals(log.verify().entries(), log.verifyFrom(1).entries(), "from the first entry: the whole log");
    }

    @Test
    void anEditedNewEntryIsFoundAndAnOlderOneIsLeftToTheFullCheck() throws Exception {
        long last = last();
        behindTheBack("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = " + (last - 1));
        AuditCheck tail = log.verifyFrom(last - 3);
        assertFalse(tail.intact());
        assertEquals(last - 1, tail.firstBroken(), tail.message());
        assertTrue(tail.message().contains("does not match its keyed hash"), tail.message());
        AuditCheck after = log.verifyFrom(last);
        assertTrue(after.intact(), "the edit is before the entries checked: " + after.message());
        assertFalse(log.verify().intact(), "the full check finds it");
    }

    @Test
    void theEntryBeforeTheCheckedOnesMustStillBeThere() throws Exception {
        long last = last();
        behindTheBack("DELETE FROM audit_log WHERE seq >= " + (last - 1));
        AuditCheck tail = log.verifyFrom(last + 1);
        assertFalse(tail.intact(), "entries checked before were deleted from the end: " + tail.message());
        assertEquals(last, tail.firstBroken(), tail.message());
    }
}
