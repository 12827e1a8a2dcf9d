package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;

/** A bundle set in memory, for tests: what the shared database would hold. */
final class MemoryBundleSet implements BundleSet {
    private final Map<String, WantedBundle> rows = new TreeMap<>();
    private final Map<String, byte[]> jars = new TreeMap<>();
    private final Map<String, BundleOutcome> outcomes = new TreeMap<>();
    private long change;

    @Override
    public synchronized long put(WantedBundle b, byte[] jar) {
        change++;
        rows.put(b.symbolicName(), WantedBundle.of(b.symbolicName(), b.version(), b.sha256(), b.agency(), b.by(), b.at(),
                b.approval(), change));
        jars.put(b.symbolicName(), jar.clone());
        return change;
    }

    @Override
    public synchronized long remove(String symbolicName) {
        rows.remove(symbolicName);
        jars.remove(symbolicName);
        return ++change;
    }

    /** Changes a jar's bytes behind the row's back, as someone with write access to the database could. */
    synchronized void tamper(String symbolicName, byte[] jar) {
        jars.put(symbolicName, jar);
    }

    @Override
    public synchronized List<WantedBundle> wanted() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Optional<byte[]> jar(String symbolicName) {
        return Optional.ofNullable(jars.get(symbolicName)).map(byte[]::clone);
    }

    @Override
    public synchronized long change() {
        return change;
    }

    @Override
    public synchronized void report(BundleOutcome o) {
        outcomes.put(o.symbolicName() + "\n" + o.node(), o);
    }

    @Override
    public synchronized List<BundleOutcome> outcomes() {
        List<BundleOutcome> out = new ArrayList<>(outcomes.values());
        out.sort(Comparator.comparing(BundleOutcome::symbolicName).thenComparing(BundleOutcome::node));
        return out;
    }
}
