package org.khidmat.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The set of agency bundles every node of the centre (or of the country) runs, kept in the database with the jars
 * themselves, and what each node made of each bundle. The deployer that accepts a change writes it here; every node
 * reconciles its framework to the set at start and whenever {@link #change()} moves. A store implements it.
 *
 * @since 1.1
 */
@ProviderType
public interface BundleSet {

    /** The {@link Signals} topic published after every change of the set. */
    String TOPIC = "bundles";

    /**
     * Makes a bundle part of the set, replacing the row of its symbolic name (an update or a rollback), and moves
     * the change number.
     *
     * @param bundle the bundle as wanted; its {@link WantedBundle#change()} is ignored
     * @param jar the jar's bytes, whose SHA-256 is {@link WantedBundle#sha256()}
     * @return the new change number, which the stored row carries
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored; nothing is stored then
     */
    long put(WantedBundle bundle, byte[] jar);

    /**
     * Takes a bundle out of the set (a withdrawal) and moves the change number, also when it was not in the set.
     *
     * @param symbolicName the bundle
     * @return the new change number
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    long remove(String symbolicName);

    /** @return every bundle of the set, without its jar, by symbolic name */
    List<WantedBundle> wanted();

    /**
     * @param symbolicName the bundle
     * @return the jar's bytes as stored (the caller checks them against the row's SHA-256), or empty when the
     *         bundle is not in the set
     */
    Optional<byte[]> jar(String symbolicName);

    /** @return the change number: 0 for a set never written, higher after every {@link #put} or {@link #remove} */
    long change();

    /**
     * Records what one node made of one bundle, replacing that node's earlier outcome for it.
     *
     * @param outcome the outcome
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void report(BundleOutcome outcome);

    /** @return every node's latest outcome for every bundle, by symbolic name then node */
    List<BundleOutcome> outcomes();
}
