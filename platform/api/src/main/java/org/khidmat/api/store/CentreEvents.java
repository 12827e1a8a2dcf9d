package org.khidmat.api.store;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Small signals between the nodes that serve a centre, such as "the queue changed": a call at a counter served by
 * one node refreshes the hall screen served by another. A signal says that something changed, not what: a
 * subscriber reads the state itself from the store. Delivery is at least once and in order per publisher, within
 * about a second, to every node but the one that published (that node tells its own listeners itself); signals
 * published while a node was down are not replayed to it. On SQLite the signals are rows of a table polled by
 * one thread; on PostgreSQL they can be {@code LISTEN/NOTIFY} behind the same contract.
 *
 * @since 1.1
 */
@ProviderType
public interface CentreEvents {

    /**
     * Publishes a signal to the other nodes.
     *
     * @param centre the centre's id
     * @param event a short name, such as {@code queue}
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void publish(String centre, String event);

    /**
     * Listens to the signals of one centre published by other nodes.
     *
     * @param centre the centre's id
     * @param listener called with the event's name on the events thread; it must return quickly and not throw
     * @return closing it stops the listener
     */
    AutoCloseable subscribe(String centre, Consumer<String> listener);
}
