package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.platform.StoreException;

@ParameterizedClass
@EnumSource(Engine.class)
class SqliteAuditLogTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private Database db;
    private SqlAuditLog log;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        log = new SqlAuditLog(db, TestChain.of(db));
    }

    private static void assertIntact(long entries, AuditCheck check) {
        assertTrue(check.intact(), check.message());
        assertEquals(entries, check.entries());
        assertEquals(0, check.firstBroken());
        assertTrue(check.message().startsWith("audit log intact: " + entries + " entries, head " + entries + " "),
                check.message());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void chainsEntriesAndVerifiesThem() {
        AuditEntry first = log.append("admin", "bundle.deploy", "org.khidmat.plugins.nadra", "deployed 1.0.0");
        AuditEntry second = log.append("system", "service.disable", "nadra.cnic-renewal", null);
        for (int i = 0; i < 3; i++) {
            log.append("clerk1", "application.move", "KM7Q-4XPA-K", "step " + i);
        }
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(AuditHash.keyed(TestChain.KEY, AuditHash.GENESIS, 1, first.at().toEpochMilli(), "admin", "bundle.deploy",
                "org.khidmat.plugins.nadra", "deployed 1.0.0"), first.hash());
        assertEquals(AuditHash.keyed(TestChain.KEY, first.hash(), 2, second.at().toEpochMilli(), "system", "service.disable",
                "nadra.cnic-renewal", null), second.hash());
        assertIntact(5, log.verify());
    }

    @Test
    void anEmptyLogIsIntact() {
        assertIntact(0, log.verify());
    }

    @Test
    void searchesCaseInsensitivelyNewestFirst() {
        log.append("admin", "bundle.deploy", "org.khidmat.plugins.nadra", "deployed");
        log.append("Clerk7", "application.move", "KM7Q-4XPA-K", "approved 100% of fees");
        log.append("admin", "service.disable", "ictpolice.character-cert", "closed for audit");
        log.append("system", "NADRA.sync", "nightly", "ok");

        List<Long> nadra = seqs(log.search("nadra", 10));
        assertEquals(List.of(4L, 1L), nadra, "matches subject and action, any case, newest first");
        assertEquals(List.of(2L), seqs(log.search("CLERK", 10)));
        assertEquals(List.of(3L), seqs(log.search("AUDIT", 10)), "detail is searched");
        assertEquals(List.of(2L), seqs(log.search("100%", 10)), "% is literal");
        assertEquals(List.of(), seqs(log.search("0_", 10)), "_ is literal");
        assertEquals(List.of(4L, 3L, 2L, 1L), seqs(log.search(null, 10)));
        assertEquals(List.of(4L, 3L), seqs(log.search(null, 2)));
        assertEquals(List.of(3L, 1L), seqs(log.search("admin", 10)));
    }

    @Test
    void isAppendOnlyThroughSql() {
        log.append("admin", "a", "s", "d");
        assertThrows(StoreException.class, () -> raw("UPDATE audit_log SET detail = 'x'"));
        assertThrows(StoreException.class, () -> raw("DELETE FROM audit_log"));
        assertTrue(log.verify().intact());
    }

    @Test
    void namesAnEditedEntry() {
        for (int i = 1; i <= 5; i++) {
            log.append("admin", "test", "s" + i, "detail " + i);
        }
        raw("DROP TRIGGER audit_log_no_update");
        raw("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 3");
        AuditCheck check = log.verify();
        assertFalse(check.intact());
        assertEquals(3, check.firstBroken());
        assertEquals(3, check.entries());
        assertEquals("audit log broken at entry 3: its content does not match its keyed hash (edited, or re-chained without the key?)", check.message());
    }

    @Test
    void namesAnEntryWhoseHashWasRecomputedAfterAnEdit() {
        for (int i = 1; i <= 4; i++) {
            log.append("admin", "test", "s" + i, "detail " + i);
        }
        raw("DROP TRIGGER audit_log_no_update");
        AuditEntry second = log.search("detail 2", 1).get(0);
        String forged = AuditHash.of(log.search("detail 1", 1).get(0).hash(), 2, second.at().toEpochMilli(),
                "admin", "test", "s2", "forged");
        raw("UPDATE audit_log SET detail = 'forged', hash = '" + forged + "' WHERE seq = 2");
        AuditCheck check = log.verify();
        assertEquals(2, check.firstBroken(), "a hash recomputed without the key does not pass: the edited entry is named");
        assertFalse(check.intact());
    }

    @Test
    void namesTheEntryAfterADeletedOne() {
        for (int i = 1; i <= 5; i++) {
            log.append("admin", "test", "s" + i, "detail " + i);
        }
        raw("DROP TRIGGER audit_log_no_delete");
        raw("DELETE FROM audit_log WHERE seq = 3");
        AuditCheck check = log.verify();
        assertFalse(check.intact());
        assertEquals(4, check.firstBroken());
        assertEquals("audit log broken at entry 4: entry 3 is missing or changed (deleted?)", check.message());
    }

    @Test
    void namesTheFirstEntryWhenItIsDeleted() {
        log.append("admin", "test", "s1", null);
        log.append("admin", "test", "s2", null);
        raw("DROP TRIGGER audit_log_no_delete");
        raw("DELETE FROM audit_log WHERE seq = 1");
        assertEquals(2, log.verify().firstBroken());
    }

    @Test
    void concurrentAppendsKeepTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String actor = "clerk" + t;
                results.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        seqs.add(log.append(actor, "test.concurrent", "s", "n" + i).seq());
                    }
                    return seqs;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(200, all.size(), "every append got its own seq");
        } finally {
            pool.shutdownNow();
        }
        assertIntact(200, log.verify());
    }

    @Test
    void theChainContinuesAfterReopening() {
        log.append("admin", "a", "s", "before");
        db.close();
        db = engine.open(dir);
        log = new SqlAuditLog(db, TestChain.of(db));
        assertEquals(2, log.append("admin", "a", "s", "after").seq());
        assertTrue(log.verify().intact());
    }

    @Test
    void theHashEncodingIsUnambiguous() {
        String g = AuditHash.GENESIS;
        assertNotEquals(AuditHash.of(g, 1, 0, "ab", "c", "s", "d"), AuditHash.of(g, 1, 0, "a", "bc", "s", "d"));
        assertNotEquals(AuditHash.of(g, 1, 0, "a", "b", "s", null), AuditHash.of(g, 1, 0, "a", "b", "s", ""));
        assertNotEquals(AuditHash.of(g, 11, 0, "a", "b", "s", "d"), AuditHash.of(g, 1, 10, "a", "b", "s", "d"));
        assertEquals(64, AuditHash.of(g, 1, 0, "a", "b", "s", "d").length());
    }

    private void raw(String sql) {
        String statement = engine == Engine.POSTGRESQL && sql.startsWith("DROP TRIGGER") ? sql + " ON audit_log" : sql;
        db.write("tamper", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    private static List<Long> seqs(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::seq).toList();
    }
}
