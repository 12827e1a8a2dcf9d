package org.khidmat.core.internal.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.BundleQuarantine;
import org.khidmat.api.store.WaitingBundle;

/** The deployer's shared state in memory, for tests: what the shared database would hold for every node. */
final class MemoryDeployerState {
    final Approvals approvals = new Approvals();
    final Quarantined quarantine = new Quarantined();
    final Owners owners = new Owners();

    private MemoryDeployerState() {
    }

    static MemoryDeployerState empty() {
        return new MemoryDeployerState();
    }

    /** Waiting jars and approved hashes. */
    static class Approvals implements BundleApprovals {
        private final Map<String, WaitingBundle> waiting = new TreeMap<>();
        private final Map<String, byte[]> jars = new TreeMap<>();
        final Map<String, String> approvedBy = new TreeMap<>();

        @Override
        public synchronized void park(WaitingBundle b, byte[] jar) {
            if (!approvedBy.containsKey(b.sha256())) {
                waiting.put(b.sha256(), b);
                jars.put(b.sha256(), jar.clone());
            }
        }

        @Override
        public synchronized List<WaitingBundle> waiting() {
            List<WaitingBundle> out = new ArrayList<>(waiting.values());
            out.sort(Comparator.comparing(WaitingBundle::uploadedAt));
            return out;
        }

        @Override
        public synchronized Optional<WaitingBundle> waiting(String sha256) {
            return Optional.ofNullable(waiting.get(sha256));
        }

        @Override
        public synchronized Optional<byte[]> jar(String sha256) {
            return Optional.ofNullable(jars.get(sha256)).map(byte[]::clone);
        }

        @Override
        public synchronized boolean approve(String sha256, String by, Instant at) {
            if (waiting.remove(sha256) == null) {
                return false;
            }
            jars.remove(sha256);
            approvedBy.put(sha256, by);
            return true;
        }

        @Override
        public synchronized void approved(String sha256, String by, Instant at) {
            waiting.remove(sha256);
            jars.remove(sha256);
            approvedBy.putIfAbsent(sha256, by);
        }

        @Override
        public synchronized boolean isApproved(String sha256) {
            return approvedBy.containsKey(sha256);
        }

        @Override
        public synchronized boolean reject(String sha256) {
            jars.remove(sha256);
            return waiting.remove(sha256) != null;
        }
    }

    /** Quarantined hashes. */
    static class Quarantined implements BundleQuarantine {
        private final Map<String, String> reasons = new TreeMap<>();

        @Override
        public synchronized void add(String sha256, String reason, Instant at) {
            reasons.putIfAbsent(sha256, reason);
        }

        @Override
        public synchronized Optional<String> reason(String sha256) {
            return Optional.ofNullable(reasons.get(sha256));
        }

        @Override
        public synchronized Map<String, String> all() {
            return Collections.unmodifiableMap(new TreeMap<>(reasons));
        }
    }

    /** Agency owners. */
    static final class Owners implements AgencyOwners {
        private final Map<String, String> owners = new TreeMap<>();

        @Override
        public synchronized String claim(String agency, String symbolicName, Instant at) {
            return owners.computeIfAbsent(agency, a -> symbolicName);
        }

        @Override
        public synchronized Optional<String> owner(String agency) {
            return Optional.ofNullable(owners.get(agency));
        }

        @Override
        public synchronized Map<String, String> all() {
            return Collections.unmodifiableMap(new TreeMap<>(owners));
        }
    }
}
