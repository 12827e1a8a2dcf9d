package org.khidmat.core.internal.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.platform.TrackedApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a checked application as one write of the store (one transaction, one place in a group commit), with
 * nothing read before or after: the citizen's acknowledgement waits for that one commit only.
 */
final class ApplicationFiler {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationFiler.class);
    /** How many references are drawn for one application before giving up (one taken is already rare). */
    private static final int REFERENCE_DRAWS = 5;
    private final ApplicationStore store;
    private final References references;

    ApplicationFiler(ApplicationStore store, References references) {
        this.store = store;
        this.references = references;
    }

    /**
     * Files the application in one write: the application, its first history line, its audit entry and the messages
     * telling the citizen, composed from what is in hand. The reference's uniqueness is the database's: a reference
     * drawn twice stores nothing, and another is drawn.
     */
    String file(ServiceDescriptor d, String tier, Map<String, String> answers, String cnic, Notifications n) {
        Instant now = Instant.now();
        String initial = d.workflow().initial();
        String payment = d.fee(tier).map(f -> f.amount() > 0).orElse(false) ? "due" : "none";
        for (int draw = 0; draw < REFERENCE_DRAWS; draw++) {
            String reference = references.next();
            ApplicationRecord a = new ApplicationRecord(reference, d.id(), d.version(), d.agency().code(), cnic, tier,
                    answers, initial, payment, now, now);
            StatusChange first = new StatusChange(reference, now, "citizen", null, initial, null);
            Optional<List<Notification>> filed = store.file(a, first, AuditNote.of("citizen", "application.submit",
                    reference, d.id() + " v" + d.version() + ", tier " + tier), compose(n, new TrackedApplication(a, d,
                    List.of(first))));
            if (filed.isPresent()) {
                // DEBUG: the filing's audit entry (with its request id) is its record; an INFO line a filing filled
                // the rotated logs in under a minute at peak and was a tenth of the HTTP threads' time (issue 16)
                LOG.debug("application {} filed for {} v{}", reference, d.id(), d.version());
                handOver(n, reference, filed.get());
                return reference;
            }
            LOG.info("applications: reference {} is taken; drawing another", reference);
        }
        throw new StoreException("could not file an application for " + d.id() + ": " + REFERENCE_DRAWS
                + " references drawn in a row were all taken, which should not happen: check the application table", null);
    }

    /** The messages for a filing; none (logged) when composing fails: a message never stops an application. */
    private static List<Notification> compose(Notifications n, TrackedApplication filed) {
        if (n == null) {
            return List.of();
        }
        try {
            return n.compose(filed, "submitted");
        } catch (RuntimeException e) {
            LOG.warn("applications: could not compose the submitted message for {}: {}", filed.application().reference(),
                    e.toString());
            return List.of();
        }
    }

    /** Gives the stored messages to the sender; if that fails they stay queued and are sent at the next start. */
    private static void handOver(Notifications n, String reference, List<Notification> stored) {
        if (n == null || stored.isEmpty()) {
            return;
        }
        try {
            n.deliver(stored);
        } catch (RuntimeException e) {
            LOG.warn("applications: the messages for {} stay queued until the next start: {}", reference, e.toString());
        }
    }
}
