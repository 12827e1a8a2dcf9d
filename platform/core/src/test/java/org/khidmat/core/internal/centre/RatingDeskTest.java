package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.RatingResult.Outcome;

class RatingDeskTest {
    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private final ServiceDescriptor police = Fakes.police();
    private final Fakes.Audit audit = new Fakes.Audit();
    private final Fakes.RatingRows store = new Fakes.RatingRows(audit);
    private final Fakes.Apps apps = new Fakes.Apps()
            .add(Fakes.app(police, "KM7Q-4XPA-N", T, "review", T.plusSeconds(60), "done", T.plusSeconds(120)))
            .add(Fakes.app(police, "AB23-CD45-W", T, "review", T.plusSeconds(60)));
    private final RatingDesk desk = new RatingDesk(apps, store, audit, Clock.fixed(T.plusSeconds(600), ZoneOffset.UTC));

    @Test
    void theApplicantRatesAFinishedApplicationOnce() {
        assertEquals(Outcome.RATED, desk.rate("KM7Q-4XPA-N", "61101-1234567-1", 4, " quick ").outcome());
        assertEquals("quick", desk.rating("KM7Q-4XPA-N").orElseThrow().comment());
        assertEquals(Outcome.ALREADY_RATED, desk.rate("KM7Q-4XPA-N", "6110112345671", 1, "changed my mind").outcome());
        assertEquals(4, store.rows.get("KM7Q-4XPA-N").stars(), "the first rating stays");
        assertEquals(1, audit.count("rating.add"));
        assertEquals(false, String.join("\n", audit.lines).contains(Fakes.CNIC), "no CNIC in the audit log");
    }

    @Test
    void refusesSomeoneElsesUnfinishedAndInvalidRatings() {
        assertEquals(Outcome.NOT_FOUND, desk.rate("KM7Q-4XPA-N", "61101-7654321-1", 1, "not mine").outcome());
        assertEquals(Outcome.NOT_FOUND, desk.rate("ZZZZ-ZZZZ-Z", "61101-1234567-1", 1, null).outcome());
        assertEquals(Outcome.NOT_FINISHED, desk.rate("AB23-CD45-W", "61101-1234567-1", 5, null).outcome());
        assertEquals(Outcome.INVALID, desk.rate("KM7Q-4XPA-N", "61101-1234567-1", 0, null).outcome());
        assertEquals(Outcome.INVALID, desk.rate("KM7Q-4XPA-N", "61101-1234567-1", 6, null).outcome());
        assertEquals(Outcome.INVALID, desk.rate("KM7Q-4XPA-N", "61101-1234567-1", 3, "x".repeat(1001)).outcome());
        assertEquals(0, store.rows.size());
    }

    @Test
    void aRatingIsReadByItsReferenceAsTypedWithoutOpeningTheApplicationAgain() {
        // the track page asks for the rating of the application it has just read: opening it again cost two reads
        desk.rate("KM7Q-4XPA-N", "61101-1234567-1", 5, null);
        apps.opened.set(0);
        assertEquals(5, desk.rating("KM7Q-4XPA-N").orElseThrow().stars());
        assertEquals(0, apps.opened.get(), "the rating is read alone");
        assertEquals(5, desk.rating("km7q 4xpa-n").orElseThrow().stars(), "the reference as typed");
        assertEquals(Optional.empty(), desk.rating("AB23-CD45-W"), "not rated");
        assertEquals(Optional.empty(), desk.rating("KM7Q-4XPA-K"), "not a reference: its check character is wrong");
        assertEquals(0, apps.opened.get(), "the rating is read alone");
    }
}
