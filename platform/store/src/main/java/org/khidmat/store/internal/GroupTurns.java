package org.khidmat.store.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.khidmat.api.platform.StoreException;

/**
 * Whose turn it is to lead a group in a {@link PostgresGroupWriter}: the writes waiting, the groups led now (up to
 * {@link #GROUPS}) and which of them still send their inserts. A group starts when a write comes and no group is
 * under way, or, while one is under way, once every group under way has asked for the audit head's lock: the next
 * group's inserts then overlap the entries and the COMMIT (its WAL flush) of the one before it, and it takes every
 * write that came meanwhile. A write that finds no turn waits in the queue, in order, until a group starts with it.
 */
final class GroupTurns {
    /**
     * The most groups of a node in flight at once, each on a connection of its own. More would only wait for the
     * head's lock too, and split the writes waiting into smaller groups.
     */
    static final int GROUPS = 2;

    /** A group under way: whether it has asked for the head's lock yet. */
    private static final class Lead {
        boolean pastInserts;
    }

    private final Object gate = new Object();
    /** The writes waiting for a group. */
    private final Deque<PendingWrite<?>> queue = new ArrayDeque<>();
    /** The group this thread leads, if it does. */
    private final ThreadLocal<Lead> leads = new ThreadLocal<>();
    private boolean closed;
    /** How many groups are led now. */
    private int leading;
    /** How many of them have not yet asked for the audit head's lock. */
    private int inserting;

    /**
     * @return {@code true} when the write leads a group now; {@code false} when it waits in the queue for its turn
     *     ({@link PendingWrite#turn}) or to be answered by a group that took it
     * @throws StoreException when the writer is closed
     */
    boolean enter(PendingWrite<?> write) {
        synchronized (gate) {
            if (closed) {
                throw new StoreException("could not " + write.what + ": the store is closed", null);
            }
            if (free()) { // then the queue is empty
                leading++;
                inserting++;
                return true;
            }
            queue.add(write);
            return false;
        }
    }

    /**
     * Starts the group this thread leads, now that its turn came: call {@link #end} when it is done.
     *
     * @return its writes: the leader's, then those waiting, in order, up to {@code most}
     */
    List<PendingWrite<?>> begin(PendingWrite<?> leader, int most) {
        leads.set(new Lead());
        List<PendingWrite<?>> batch = new ArrayList<>();
        batch.add(leader);
        synchronized (gate) {
            while (batch.size() < most && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
        }
        return batch;
    }

    /** The group this thread leads asks for the head's lock: the next may start. Once a group; else nothing. */
    void pastInserts() {
        Lead lead = leads.get();
        if (lead == null || lead.pastInserts) {
            return;
        }
        lead.pastInserts = true;
        synchronized (gate) {
            inserting--;
            startNext();
        }
    }

    /** The group this thread leads is done (committed or failed): its place goes to the next. */
    void end() {
        Lead lead = leads.get();
        leads.remove();
        synchronized (gate) {
            leading--;
            if (lead != null && !lead.pastInserts) {
                inserting--;
            }
            startNext();
            if (leading == 0) {
                gate.notifyAll();
            }
        }
    }

    /** Under the gate: the first write waiting leads the next group, when a group may start. */
    private void startNext() {
        if (!free()) {
            return;
        }
        PendingWrite<?> next = queue.poll(); // out of the queue: no other group takes it
        if (next != null) {
            leading++;
            inserting++;
            next.turn.complete(true);
        }
    }

    /** Under the gate: whether a group may start: fewer than {@link #GROUPS} led, none of them inserting. */
    private boolean free() {
        return leading < GROUPS && inserting == 0;
    }

    /** @return how many writes wait for a group */
    int queued() {
        synchronized (gate) {
            return queue.size();
        }
    }

    /** Refuses the writes that come from now on; waits until no group is led, {@code nanos} at most. */
    void close(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (gate) {
            closed = true;
            while (leading > 0 && System.nanoTime() < deadline) {
                try {
                    gate.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
