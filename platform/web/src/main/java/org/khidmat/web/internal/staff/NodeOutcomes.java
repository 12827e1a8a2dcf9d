package org.khidmat.web.internal.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;

/**
 * Each bundle of the bundle set as the nodes took it, for the admin console: on how many of the nodes it is active,
 * and where it is not, why ("failed on node-2: ..."). A node is counted once it reported any bundle.
 */
final class NodeOutcomes {
    /** One bundle: its name, the nodes where its wanted version is active, of all nodes, and each other outcome. */
    record Line(String symbolicName, int active, int nodes, List<BundleOutcome> problems) {
    }

    private NodeOutcomes() {
    }

    /** @return one line per bundle of the set; empty when there is no set (a store without one) */
    static List<Line> of(BundleSet set) {
        if (set == null) {
            return List.of();
        }
        List<BundleOutcome> outcomes = set.outcomes();
        Set<String> nodes = new TreeSet<>();
        outcomes.forEach(o -> nodes.add(o.node()));
        List<Line> out = new ArrayList<>();
        for (WantedBundle w : set.wanted()) {
            int active = 0;
            List<BundleOutcome> problems = new ArrayList<>();
            for (BundleOutcome o : outcomes) {
                if (o.symbolicName().equals(w.symbolicName()) && o.version().equals(w.version())) {
                    if (o.state() == BundleOutcome.State.ACTIVE) {
                        active++;
                    } else {
                        problems.add(o);
                    }
                }
            }
            out.add(new Line(w.symbolicName(), active, nodes.size(), List.copyOf(problems)));
        }
        return List.copyOf(out);
    }
}
