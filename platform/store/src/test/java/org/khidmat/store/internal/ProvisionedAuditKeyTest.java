package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.khidmat.api.store.AuditCheck;

/**
 * An audit key put in place before the first start (one key handed to every node over one PostgreSQL, or a key file
 * from the operator's secret store): the anchor of a database nobody has written to yet is signed with it, so the
 * chain checks; an unsigned anchor behind which entries were already written is still left for the check to report.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ProvisionedAuditKeyTest {
    private static final byte[] PROVISIONED = new byte[32];

    static {
        Arrays.fill(PROVISIONED, (byte) 5);
    }

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void aKeyProvisionedBeforeTheFirstStartSignsTheAnchorOfAnUnwrittenDatabase() {
        try (Database first = engine.open(dir); Database second = engine.open(dir)) {
            AuditChain node1 = new AuditChain(first, PROVISIONED, Clock.systemUTC());
            node1.signAnchor(false); // the key file existed: this start did not create it
            node1.requireSignedWithThisKey(Path.of("data/audit.key"));
            SqlAuditLog log = new SqlAuditLog(first, node1);
            log.append("admin", "bundle.deploy", "org.example", "1.0.0");
            AuditChain node2 = new AuditChain(second, PROVISIONED, Clock.systemUTC());
            node2.signAnchor(false); // a second node with the same key, started after the first wrote
            node2.requireSignedWithThisKey(Path.of("data/audit.key"));
            new SqlAuditLog(second, node2).append("admin", "service.disable", "x.y", "upgrade");
            AuditCheck check = log.verify();
            assertTrue(check.intact(), check.message());
            assertEquals(2, check.entries());
        }
    }

    @Test
    void anUnsignedAnchorBehindWrittenEntriesIsNotSignedByAKeyThatExistedBefore() {
        try (Database db = engine.open(dir)) {
            byte[] other = new byte[32];
            Arrays.fill(other, (byte) 6);
            // entries chained while the anchor stayed unsigned: what a database whose anchor was replaced looks like
            new SqlAuditLog(db, new AuditChain(db, other, Clock.systemUTC())).append("admin", "old.event", "s1", "d");
            AuditChain chain = new AuditChain(db, other, Clock.systemUTC());
            chain.signAnchor(false);
            AuditCheck check = new SqlAuditLog(db, chain).verify();
            assertFalse(check.intact(), "an anchor left unsigned behind written entries is reported: " + check.message());
        }
    }
}
