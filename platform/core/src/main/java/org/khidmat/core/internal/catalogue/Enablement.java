package org.khidmat.core.internal.catalogue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.khidmat.api.store.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which services are enabled, as the store holds it for this centre (its own choice beats the national one). The
 * read is kept for {@link #FRESH_NANOS} and dropped at once when a node (this one or another) signals a change on
 * {@link #TOPIC}; each change of what was read counts the catalogue's stamp up.
 */
final class Enablement {
    /** How long the enablement read from the store is used before it is read again (other nodes may change it). */
    static final long FRESH_NANOS = 2_000_000_000L;
    /** The {@link Signals} topic of enablement changes: other nodes drop their cached enablement when they hear it. */
    static final String TOPIC = "service-states";
    private static final Logger LOG = LoggerFactory.getLogger(Enablement.class);

    private record Cached(Map<String, ServiceState> states, long readAt) {
    }

    private final ServiceStates store;
    private final String site;
    private final AtomicLong stamp;
    private volatile Cached cached;
    private volatile Signals signals;
    private volatile Signals.Subscription heard;

    /** @param stamp the catalogue's stamp, counted up whenever the enablement read changes */
    Enablement(ServiceStates store, String site, AtomicLong stamp) {
        this.store = store;
        this.site = site;
        this.stamp = stamp;
    }

    /** Hears enablement changes made on other nodes at once, rather than after {@link #FRESH_NANOS}. */
    void hear(Signals s) {
        signals = s;
        heard = s.subscribe(TOPIC, this::changed);
    }

    void stopHearing(Signals s) {
        if (signals == s) {
            signals = null;
            Signals.Subscription h = heard;
            if (h != null) {
                h.close();
            }
        }
    }

    void close() {
        Signals s = signals;
        if (s != null) {
            stopHearing(s);
        }
    }

    /** Another node (or this one) changed a service's enablement: the next read asks the store. */
    private void changed() {
        cached = null;
        stamp.incrementAndGet();
    }

    /** @return the stored enablement by service id, read again when older than {@link #FRESH_NANOS} */
    Map<String, ServiceState> now() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.readAt() > FRESH_NANOS) {
            Map<String, ServiceState> read = Map.copyOf(store.all(site));
            if (c == null || !read.equals(c.states())) {
                stamp.incrementAndGet();
            } else {
                read = c.states(); // the same: the catalogue keeps its sorted list
            }
            c = new Cached(read, now);
            cached = c;
        }
        return c.states();
    }

    /** Stores an enable or disable (with its audit entry) for every centre or this one, and tells the other nodes. */
    void set(String id, boolean enabled, String reason, String actor, boolean thisCentreOnly) {
        String why = enabled || reason == null || reason.isBlank() ? null : reason.strip();
        String where = thisCentreOnly ? site : null;
        ServiceState state = ServiceState.of(id, where, enabled, why, actor, Instant.now());
        store.put(state, AuditNote.of(actor, enabled ? "service.enable" : "service.disable", id,
                (where == null ? "all centres" : "centre " + where) + (why == null ? "" : ": " + why)));
        changed();
        Signals s = signals;
        if (s != null) {
            s.publish(TOPIC); // the other nodes' catalogues
        }
        LOG.info("service {} {} in {} by {}", id, enabled ? "enabled" : "disabled",
                where == null ? "all centres" : "centre " + where, actor);
    }
}
