package org.khidmat.web.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleOutcome.State;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;

class NodeOutcomesTest {
    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    private static BundleSet set(List<WantedBundle> wanted, List<BundleOutcome> outcomes) {
        return new BundleSet() {
            @Override
            public long put(WantedBundle bundle, byte[] jar) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long remove(String symbolicName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<WantedBundle> wanted() {
                return wanted;
            }

            @Override
            public Optional<byte[]> jar(String symbolicName) {
                return Optional.empty();
            }

            @Override
            public long change() {
                return 1;
            }

            @Override
            public void report(BundleOutcome outcome) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<BundleOutcome> outcomes() {
                return outcomes;
            }
        };
    }

    @Test
    void countsTheNodesWhereTheWantedVersionIsActiveAndNamesTheOthers() {
        WantedBundle a = WantedBundle.of("a", "1.1.0", "aa", "x", "admin", AT, "not needed", 2);
        WantedBundle b = WantedBundle.of("b", "1.0.0", "bb", "x", "admin", AT, "not needed", 1);
        List<NodeOutcomes.Line> lines = NodeOutcomes.of(set(List.of(a, b), List.of(
                BundleOutcome.of("node-1", "a", "1.1.0", State.ACTIVE, null, AT),
                BundleOutcome.of("node-2", "a", "1.1.0", State.FAILED, "no native library", AT),
                BundleOutcome.of("node-3", "a", "1.0.0", State.ACTIVE, null, AT), // an older version: not counted
                BundleOutcome.of("node-1", "b", "1.0.0", State.ACTIVE, null, AT),
                BundleOutcome.of("node-2", "b", "1.0.0", State.ACTIVE, null, AT),
                BundleOutcome.of("node-3", "b", "1.0.0", State.ACTIVE, null, AT))));
        assertEquals(2, lines.size());
        assertEquals("a 1/3", lines.get(0).symbolicName() + " " + lines.get(0).active() + "/" + lines.get(0).nodes());
        assertEquals("node-2 no native library", lines.get(0).problems().get(0).node() + " "
                + lines.get(0).problems().get(0).message());
        assertEquals("b 3/3 0", lines.get(1).symbolicName() + " " + lines.get(1).active() + "/" + lines.get(1).nodes()
                + " " + lines.get(1).problems().size());
        assertEquals(List.of(), NodeOutcomes.of(null));
    }
}
