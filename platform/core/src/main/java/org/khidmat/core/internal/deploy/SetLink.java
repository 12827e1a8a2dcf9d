package org.khidmat.core.internal.deploy;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.khidmat.api.store.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the deployer to the bundle set: the reconcile of the start, queued on the deployer's thread before the node
 * says ready, and one more each time the {@link org.khidmat.api.store.BundleSet#TOPIC} signal is heard (a change on any node).
 */
final class SetLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SetLink.class);
    private final Signals signals;
    private final SetRecord record;
    private final SetReconcile reconcile;
    private final Executor thread;
    private Signals.Subscription heard;

    SetLink(Signals signals, SetRecord record, SetReconcile reconcile, Executor deployerThread) {
        this.signals = signals;
        this.record = record;
        this.reconcile = reconcile;
        this.thread = deployerThread;
    }

    /** Queues the start's reconcile on the deployer's thread, and listens for changes from then on. */
    void start() {
        thread.execute(reconcile::atStart);
        heard = signals.subscribe(org.khidmat.api.store.BundleSet.TOPIC, this::changed);
    }

    private void changed() {
        try {
            thread.execute(this::reconcileNow);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("the deployer is stopping; the change is taken at the next start");
        }
    }

    private void reconcileNow() {
        try {
            reconcile.reconcile();
        } catch (RuntimeException e) {
            LOG.warn("node {} could not reconcile to the bundle set: {}; it tries again at the next change",
                    record.node(), e.toString());
        }
    }

    @Override
    public void close() {
        if (heard != null) {
            heard.close();
        }
    }
}
