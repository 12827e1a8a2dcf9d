package org.khidmat.core.internal.centre;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.khidmat.api.store.CentreEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a centre's other nodes that its queue changed, off the caller's thread and at most one publication at a
 * time: the changes made while one is waiting to be written are told by that one. Their hall screens read the whole
 * queue at any signal, so one signal for a burst of takes shows them all, and a morning rush of kiosks no longer
 * writes (and waits for the lock of) one centre event per token. Call {@link #changed()} after the change committed:
 * a publication that had not started yet when it was called runs after it.
 */
final class QueueSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueSignal.class);
    private final CentreEvents events;
    private final String centre;
    private final String event;
    /** A publication is queued and not started: a change now is told by it. */
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ThreadPoolExecutor writer;

    QueueSignal(CentreEvents events, String centre, String event) {
        this.events = events;
        this.centre = centre;
        this.event = event;
        this.writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "khidmat-queue-signal");
            t.setDaemon(true);
            return t;
        });
        writer.allowCoreThreadTimeOut(true); // no thread kept for a quiet queue
    }

    /** The queue changed (and committed): the other nodes are told soon, together with changes made meanwhile. */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                writer.execute(this::publish);
            } catch (RejectedExecutionException e) {
                pending.set(false); // closed: the node is stopping
            }
        }
    }

    private void publish() {
        pending.set(false); // a change from here on queues the next publication
        try {
            events.publish(centre, event);
        } catch (RuntimeException e) {
            LOG.warn("queue: the other nodes of centre {} could not be told of a change: {}", centre, e.toString());
        }
    }

    /** Writes what is pending (for up to 5 s), then stops. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("queue: the last change of centre {} was not told to its other nodes within 5 s", centre);
            writer.shutdownNow();
        }
    }
}
