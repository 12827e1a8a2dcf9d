package org.khidmat.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Jars with code waiting for a centre admin's approval, with their bytes, and the hashes an admin approved, kept in
 * the database so that every node lists the same waiting jars and any node may approve one uploaded on another. A
 * jar is named by its hex SHA-256 throughout. A store implements it.
 *
 * @since 1.2
 */
@ProviderType
public interface BundleApprovals {

    /**
     * Keeps a jar waiting for approval; a jar of the same hash waiting already is replaced (a second upload).
     *
     * @param bundle what the jar is and who uploaded it
     * @param jar the jar's bytes, whose SHA-256 is {@link WaitingBundle#sha256()}
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored; nothing is stored then
     */
    void park(WaitingBundle bundle, byte[] jar);

    /** @return the jars waiting for approval, without their bytes, oldest upload first */
    List<WaitingBundle> waiting();

    /**
     * @param sha256 the jar's hash
     * @return the waiting jar with this hash, without its bytes, or empty when none waits
     */
    Optional<WaitingBundle> waiting(String sha256);

    /**
     * @param sha256 the jar's hash
     * @return the bytes of the waiting jar with this hash, or empty when none waits
     */
    Optional<byte[]> jar(String sha256);

    /**
     * Records the hash as approved and takes its jar out of the waiting ones, in one step: of two admins approving the
     * same jar at once on two nodes, one is told {@code true}.
     *
     * @param sha256 the jar's hash
     * @param by the admin
     * @param at when
     * @return {@code true} when a jar with this hash was waiting and is now approved by this call
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    boolean approve(String sha256, String by, Instant at);

    /**
     * Records a hash as approved without a jar waiting (an approval carried over from an older centre's files).
     *
     * @param sha256 the jar's hash
     * @param by the admin
     * @param at when
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void approved(String sha256, String by, Instant at);

    /**
     * @param sha256 the jar's hash
     * @return whether an admin approved this hash (it then deploys without asking again)
     */
    boolean isApproved(String sha256);

    /**
     * Takes a waiting jar away (rejected by an admin); an approval of its hash stays.
     *
     * @param sha256 the jar's hash
     * @return {@code true} when a jar with this hash was waiting
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    boolean reject(String sha256);
}
