package org.khidmat.api.store;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Named leases in the database, so that a periodic job runs on one node at a time and a short critical section (the
 * start of a payment, a check-in) is held across nodes. A lease is one row whose name is its primary key: taking it
 * is one atomic upsert that succeeds only when the row is free, expired or already this holder's. A node that dies
 * leaves its leases to expire; another node takes them then.
 *
 * @since 1.1
 */
@ProviderType
public interface Leases {

    /**
     * Takes the lease, or extends it when the holder has it already.
     *
     * @param name the lease, for example {@code appointments.no-show}
     * @param holder the node (or node and thread) asking
     * @param ttl how long it holds without a renewal
     * @return whether the holder has the lease now
     */
    boolean tryAcquire(String name, String holder, Duration ttl);

    /**
     * Extends a lease the holder has.
     *
     * @return whether the holder still had it (false: it expired and another took it, or it was released)
     */
    boolean renew(String name, String holder, Duration ttl);

    /** Gives a lease up at once; a lease held by another holder is left alone. */
    void release(String name, String holder);

    /**
     * @param name the lease
     * @return who holds it now, when someone does and it has not expired
     */
    Optional<String> holder(String name);
}
