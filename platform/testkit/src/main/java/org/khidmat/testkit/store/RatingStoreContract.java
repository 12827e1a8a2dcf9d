package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.ref;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.RatingStore;

/** {@link RatingStore}: one rating per application, also when sent at once on two nodes. */
public abstract class RatingStoreContract extends StoreContract {

    private static Rating rating(String reference, int stars, int secondsAfterT) {
        return new Rating(reference, "nadra.cnic-renewal", "nadra", stars, stars < 3 ? "slow" : null, T.plusSeconds(secondsAfterT));
    }

    private static AuditNote note(String reference) {
        return AuditNote.of("citizen", "rating.add", reference, null);
    }

    @Test
    public void anApplicationIsRatedOnceAndTheFirstRatingStays() {
        filed(ref(1), T);
        Rating first = rating(ref(1), 2, 100);

        assertTrue(stores.ratings().addIfAbsent(first, note(ref(1))));
        assertFalse(stores.ratings().addIfAbsent(rating(ref(1), 5, 200), note(ref(1))));

        assertEquals(Optional.of(first), stores.ratings().rating(ref(1)));
        assertEquals(Optional.empty(), stores.ratings().rating(ref(2)));
        assertEquals(1, audited("rating.add").size(), "audited when added only");
    }

    @Test
    public void ofRatingsSentAtOnceOnTwoNodesExactlyOneIsKept() {
        filed(ref(1), T);

        List<Boolean> added = Together.run(8, stores, (t, node) ->
                node.ratings().addIfAbsent(rating(ref(1), 1 + t % 5, t), note(ref(1))));

        assertEquals(1, added.stream().filter(b -> b).count(), "exactly one added: " + added);
        assertEquals(1, stores.ratings().ratings().size());
        assertEquals(1, audited("rating.add").size());
    }

    @Test
    public void ratingsAreListedOldestFirst() {
        for (int i = 1; i <= 3; i++) {
            filed(ref(i), T);
        }
        stores.ratings().addIfAbsent(rating(ref(2), 4, 300));
        stores.ratings().addIfAbsent(rating(ref(3), 5, 100));
        stores.ratings().addIfAbsent(rating(ref(1), 3, 200));

        assertEquals(List.of(ref(3), ref(1), ref(2)), stores.ratings().ratings().stream().map(Rating::reference).toList());
    }

    @Test
    public void starsOutsideOneToFiveOrAnUnknownApplicationStoreNothing() {
        filed(ref(1), T);

        for (Rating bad : List.of(rating(ref(1), 0, 1), rating(ref(1), 6, 1), rating(ref(9), 4, 1))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> stores.ratings().addIfAbsent(bad, note(bad.reference())));
            assertRefusal(e);
        }

        assertEquals(List.of(), stores.ratings().ratings());
        assertEquals(0, audited("rating.add").size());
        assertTrue(stores.ratings().addIfAbsent(rating(ref(1), 4, 2)), "the application can still be rated");
    }
}
