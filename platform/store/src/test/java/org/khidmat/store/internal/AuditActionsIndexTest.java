package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        String sql = SqlAuditLog.actionsSql(db.dialect(), true);
        String plan = db.read("explain", c -> QueryPlans.of(c, engine, sql, AuditActionsIndexTest::bind));
        assertTrue(plan.contains("audit_log_action"), plan);
        assertFalse(engine == Engine.SQLITE ? plan.contains("SCAN") : plan.contains("Seq Scan"), "no scan of the log: " + plan);
    }

    private static void bind(PreparedStatement q) throws SQLException {
        q.setString(1, "bundle.");
        q.setString(2, "bundle/");
        q.setInt(3, 200);
    }
}
