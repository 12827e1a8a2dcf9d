package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.khidmat.api.store.WantedBundle;

/**
 * What a node must do to run the bundle set: the bundles it runs that the set no longer holds (withdraw them), and
 * the bundles of the set it does not run as stored (deploy them, in the order they were written, so a library comes
 * before the bundles that import it). A bundle is the same when its SHA-256 is.
 *
 * @param withdraw symbolic names to withdraw
 * @param deploy bundles to deploy, by rising change number
 */
record SetPlan(List<String> withdraw, List<WantedBundle> deploy) {

    /**
     * @param wanted the set
     * @param running the SHA-256 of each bundle the node runs, by symbolic name
     */
    static SetPlan of(List<WantedBundle> wanted, Map<String, String> running) {
        Set<String> names = wanted.stream().map(WantedBundle::symbolicName).collect(Collectors.toSet());
        List<String> withdraw = running.keySet().stream().filter(bsn -> !names.contains(bsn)).sorted().toList();
        List<WantedBundle> deploy = new ArrayList<>();
        for (WantedBundle w : wanted) {
            if (!w.sha256().equals(running.get(w.symbolicName()))) {
                deploy.add(w);
            }
        }
        deploy.sort(Comparator.comparingLong(WantedBundle::change));
        return new SetPlan(withdraw, List.copyOf(deploy));
    }

    boolean isEmpty() {
        return withdraw.isEmpty() && deploy.isEmpty();
    }
}
