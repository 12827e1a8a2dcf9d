package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.StoreException;

/** Every node over one database needs the key its chain is signed with; a node with a key of its own is refused. */
class NodeAuditKeyTest {
    @TempDir
    Path dir;

    @Test
    void aSecondNodeWithAnotherKeyIsRefusedAndOneWithTheSameKeyIsNot() {
        try (Database first = Engine.POSTGRESQL.open(dir); Database second = Engine.POSTGRESQL.open(dir)) {
            TestChain.of(first).requireSignedWithThisKey(Path.of("audit.key"));
            byte[] other = new byte[32];
            Arrays.fill(other, (byte) 9);
            AuditChain stranger = new AuditChain(second, other, Clock.systemUTC());
            stranger.signAnchor(true); // created at this node's first start: the anchor is signed already, by the first
            StoreException e = assertThrows(StoreException.class,
                    () -> stranger.requireSignedWithThisKey(Path.of("data/audit.key")));
            assertTrue(e.getMessage().contains("copy audit.key"), e.getMessage());
            TestChain.of(second).requireSignedWithThisKey(Path.of("audit.key"));
        }
    }
}
