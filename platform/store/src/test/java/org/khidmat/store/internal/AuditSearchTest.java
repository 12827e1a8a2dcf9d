package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.khidmat.api.store.AuditEntry;

/**
 * A search of the audit log ({@code /admin/audit?q=}, {@code /api/v1/audit?q=}) costs the same at six million entries
 * as at six: text is looked for among the newest entries only, and a subject typed whole (a reference, an account)
 * through the subject index at any age. Before, a search for a reference read the whole log newest first and, at a
 * million applications, passed the store's 5 s read limit (a 500 to the admin).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AuditSearchTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private Database db;
    private SqlAuditLog log;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        log = new SqlAuditLog(db, TestChain.of(db), 5);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSearchReadsTheNewestEntriesAndTheSubjectIndexNeverTheWholeLog() {
        String plan = db.read("explain", c -> QueryPlans.of(c, engine, SqlAuditLog.searchSql(db.dialect()), AuditSearchTest::bind));
        assertTrue(plan.contains("audit_log_subject"), plan);
        assertFalse(QueryPlans.scans(engine, plan, "audit_log"), "no scan of the log: " + plan);
    }

    /**
     * SQLite's LIKE folds ASCII case as its LOWER does (neither folds more without ICU), so on SQLite the window's
     * columns are matched as they are: a LOWER of each of the four columns copied every one of the 30,000 rows, and at
     * a million applications the search by reference took 19 ms at the median and 59 to 66 ms at p99 (the plain LIKE:
     * a quarter of the processor time). PostgreSQL's LIKE minds case: there the columns are still lowered.
     */
    @Test
    void onSqliteTheWindowIsMatchedWithoutLoweringEveryRow() {
        String sql = SqlAuditLog.searchSql(db.dialect());
        if (db.dialect() == Dialect.SQLITE) {
            assertFalse(sql.contains("LOWER("), sql);
        } else {
            assertTrue(sql.contains("LOWER(detail)"), sql);
        }
    }

    @Test
    void anOldEntryIsFoundByItsWholeSubjectInAnyCaseAndNewOnesByAnyPartOfTheirText() {
        log.append("officer1", "application.move", "KM7Q-4XPA-K", "submitted -> review");
        for (int i = 0; i < 10; i++) {
            log.append("admin", "login", "admin", "signed in " + i);
        }
        List<AuditEntry> old = log.search("km7q-4xpa-k", 50);
        assertEquals(List.of("KM7Q-4XPA-K"), old.stream().map(AuditEntry::subject).toList(), "by its subject, whatever its age");
        assertTrue(log.search("review", 50).isEmpty(), "a word of an entry older than the newest 5 is not looked for");
        assertEquals(5, log.search("Signed In", 50).size(), "in any case, mixed too");
        assertEquals(5, log.search("ADMIN", 50).size(), "by the actor or subject, in any case");
        List<AuditEntry> recent = log.search("SIGNED IN", 50);
        assertEquals(5, recent.size(), "the newest 5 entries are searched, in any case");
        assertEquals("signed in 9", recent.get(0).detail(), "newest first");
        assertEquals(3, log.search("signed", 3).size(), "the limit holds");
        assertEquals(11, log.search(null, 50).size(), "no text lists the newest entries, all ages");
    }

    private static void bind(PreparedStatement q) throws SQLException {
        SqlAuditLog.bindSearch(q, "KM7Q-4XPA-K", 100_000, 300);
    }
}
