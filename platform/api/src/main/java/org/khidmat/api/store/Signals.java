package org.khidmat.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signals between the nodes sharing one database: a node publishes a topic after it changed something other nodes
 * cache (the bundle set, service states); every node subscribed to the topic hears it, within about half a second.
 * A signal carries no data and may be heard once for several publications: a listener reads what changed. The
 * database implementation polls one row per topic; a PostgreSQL one may use LISTEN/NOTIFY behind the same contract.
 *
 * @since 1.1
 */
@ProviderType
public interface Signals {

    /**
     * Tells every node (this one included) that the topic changed.
     *
     * @param topic a short name such as {@link BundleSet#TOPIC}
     * @throws org.khidmat.api.platform.StoreException when it cannot be stored
     */
    void publish(String topic);

    /**
     * Calls the listener, on a thread of the implementation, after every later publication of the topic, by any node.
     *
     * @param topic the topic
     * @param listener called with no lock held; it should be quick or hand over to its own thread
     * @return closing it ends the subscription
     */
    Subscription subscribe(String topic, Runnable listener);

    /** An open subscription. */
    interface Subscription extends AutoCloseable {
        /** Ends the subscription: the listener is not called for later publications (a call under way may finish). */
        @Override
        void close();
    }
}
