package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.applications.References;

import java.time.Clock;
import java.util.Optional;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.RatingResult;
import org.khidmat.api.platform.RatingResult.Outcome;
import org.khidmat.api.store.RatingStore;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.platform.TrackedApplication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ratings: the applicant (reference + CNIC, as in tracking) rates a finished application once. */
@Component(service = Ratings.class)
public final class RatingDesk implements Ratings {
    private static final Logger LOG = LoggerFactory.getLogger(RatingDesk.class);
    private final Applications applications;
    private final RatingStore store;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public RatingDesk(@Reference Applications applications, @Reference RatingStore store, @Reference AuditLog audit) {
        this(applications, store, audit, Clock.systemUTC());
    }

    RatingDesk(Applications applications, RatingStore store, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RatingResult rate(String reference, String cnic, int stars, String comment) {
        if (stars < 1 || stars > 5) {
            return new RatingResult(Outcome.INVALID, "give 1 to 5 stars");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LIMIT) {
            return new RatingResult(Outcome.INVALID, "the comment must be " + COMMENT_LIMIT + " characters or fewer");
        }
        Optional<TrackedApplication> found = applications.track(reference, cnic);
        if (found.isEmpty()) {
            return new RatingResult(Outcome.NOT_FOUND, "no application with that reference and CNIC");
        }
        TrackedApplication t = found.get();
        boolean terminal = t.descriptor().workflow().state(t.application().status()).map(s -> s.terminal()).orElse(false);
        if (!terminal) {
            return new RatingResult(Outcome.NOT_FINISHED, "you can rate the service once your application is finished");
        }
        String ref = t.application().reference();
        if (!store.addIfAbsent(new Rating(ref, t.application().serviceId(), t.application().agency(), stars, text,
                clock.instant()), AuditNote.of("citizen", "rating.add", ref, stars + " stars for " + t.application().serviceId()))) {
            return new RatingResult(Outcome.ALREADY_RATED, "this application has been rated already");
        }
        LOG.info("application {} rated {} stars", ref, stars);
        return new RatingResult(Outcome.RATED, "thank you for your rating");
    }

    @Override
    public Optional<Rating> rating(String reference) {
        // the reference in its grouped form is the key: the track page asks this of the application it has just
        // read, and opening it again cost a read of it and of its history
        String ref = References.normalise(reference);
        return ref == null ? Optional.empty() : store.rating(ref);
    }
}
