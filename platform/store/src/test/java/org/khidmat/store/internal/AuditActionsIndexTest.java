package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One kind of audit event ({@link SqlAuditLog#actions}, the deploy history) is read through the index on
 * (action, seq) on both engines, never by a scan of the log: at a million applications the log holds about six
 * million entries and a deploy's are among the oldest, so a scan newest first read them all (seconds).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AuditActionsIndexTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = engine.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneKindOfEventIsReadThroughTheActionIndex() {
        String plan = db.read("explain", c -> engine == Engine.SQLITE ? sqlitePlan(c) : postgresPlan(c));
        assertTrue(plan.contains("audit_log_action"), plan);
        if (engine == Engine.SQLITE) {
            assertFalse(plan.contains("SCAN"), "no scan of the log: " + plan);
        } else {
            assertFalse(plan.contains("Seq Scan"), "no scan of the log: " + plan);
        }
    }

    private static String sqlitePlan(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN " + SqlAuditLog.actionsSql(Dialect.SQLITE, true))) {
            bind(q);
            StringBuilder b = new StringBuilder();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    b.append(rows.getString(4)).append('\n');
                }
            }
            return b.toString();
        }
    }

    /** PostgreSQL's planner scans a small table whatever its indexes: with scans priced out, an index must be there. */
    private static String postgresPlan(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        try (PreparedStatement q = c.prepareStatement("EXPLAIN " + SqlAuditLog.actionsSql(Dialect.POSTGRESQL, true))) {
            bind(q);
            StringBuilder b = new StringBuilder();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    b.append(rows.getString(1)).append('\n');
                }
            }
            return b.toString();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET enable_seqscan");
            }
        }
    }

    private static void bind(PreparedStatement q) throws SQLException {
        q.setString(1, "bundle.");
        q.setString(2, "bundle/");
        q.setInt(3, 200);
    }
}
