package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.khidmat.api.store.Leases;

/**
 * Mutual exclusion across every node over one database, for the short sections that talk to the outside between a
 * read and a write (a payment provider's start, a check-in's queue token): a {@link Leases} row per name, taken by
 * one holder at a time. The rest of the guarantees are the database's own (one payment per application is the
 * primary key, a slot's capacity its CHECK). A holder that dies leaves its lease to expire after {@link #TTL}.
 */
final class DatabaseLocks {
    /** How long a lock holds if its holder dies with it: longer than any section it guards. */
    static final Duration TTL = Duration.ofSeconds(30);
    /** How long a caller waits for a lock another holds before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private final Leases leases;
    private final Supplier<String> node;

    DatabaseLocks(Leases leases, Supplier<String> node) {
        this.leases = leases;
        this.node = node;
    }

    /** A lock held; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock, waiting up to {@link #WAIT} while another holder has it.
     *
     * @param name what is locked, for example {@code payment:KM7Q4XPAK}
     * @return the lock, to close when done
     * @throws IllegalStateException when another holder kept it for longer than {@link #WAIT}
     */
    Held hold(String name) {
        String lease = "lock:" + name;
        String holder = node.get() + "/" + UUID.randomUUID();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 2_000_000L;
        while (!leases.tryAcquire(lease, holder, TTL)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " is busy on another counter or node; try again in a moment");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 50_000_000L);
        }
        return () -> leases.release(lease, holder);
    }
}
