package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.application;
import static org.khidmat.testkit.store.Samples.ref;
import static org.khidmat.testkit.store.Samples.sms;
import static org.khidmat.testkit.store.Samples.submission;
import static org.khidmat.testkit.store.Samples.submitNote;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditNote;

/** {@link ApplicationStore}: moves and their history, moves from many threads, and input that must store nothing. */
public abstract class ApplicationMoveContract extends StoreContract {

    private static StatusChange move(String reference, Instant at, String from, String to) {
        return new StatusChange(reference, at, "officer", from, to, "moved " + from + " to " + to);
    }

    private static AuditNote moveNote(String reference) {
        return AuditNote.of("officer", "application.move", reference, null);
    }

    @Test
    public void aMoveIsMadeOnlyFromTheExpectedStateAndTheHistoryKeepsItsOrder() {
        ApplicationRecord a = filed(ref(1), T);
        Instant later = T.plusSeconds(3600);
        StatusChange review = move(a.reference(), later, "submitted", "in-review");
        StatusChange approve = move(a.reference(), later.plusSeconds(60), "in-review", "approved");

        assertTrue(stores.applications().move(review, moveNote(a.reference())));
        assertFalse(stores.applications().move(move(a.reference(), later, "submitted", "refused"),
                moveNote(a.reference())), "no longer submitted");
        assertTrue(stores.applications().move(approve, moveNote(a.reference())));

        ApplicationRecord now = stores.applications().find(a.reference()).orElseThrow();
        assertEquals("approved", now.status());
        assertEquals(approve.at(), now.updatedAt(), "updatedAt is the last move's time");
        assertEquals(a.createdAt(), now.createdAt());
        assertEquals(List.of(submission(a), review, approve), stores.applications().history(a.reference()),
                "oldest first");
        assertEquals(2, audited("application.move").size(), "an entry per move made, none for the one refused");
    }

    @Test
    public void theHistoryKeepsTheOrderOfTheMovesEvenWhenTheirTimesAreEqualOrEarlier() {
        ApplicationRecord a = filed(ref(1), T);
        StatusChange one = move(a.reference(), T, "submitted", "returned");
        StatusChange two = move(a.reference(), T, "returned", "submitted");
        StatusChange three = move(a.reference(), T.minusSeconds(1), "submitted", "in-review");
        assertTrue(stores.applications().move(one));
        assertTrue(stores.applications().move(two));
        assertTrue(stores.applications().move(three));

        assertEquals(List.of(submission(a), one, two, three), stores.applications().history(a.reference()));
    }

    @Test
    public void aMoveOfAnUnknownApplicationIsRefusedAndWritesNothing() {
        int entries = auditSize();

        assertFalse(stores.applications().move(move(ref(9), T, "submitted", "approved"), moveNote(ref(9))));

        assertEquals(List.of(), stores.applications().history(ref(9)));
        assertEquals(entries, auditSize());
    }

    @Test
    public void ofManyThreadsMovingOneApplicationFromOneStateExactlyOneMovesIt() {
        ApplicationRecord a = filed(ref(1), T);

        List<Boolean> moved = Together.run(8, stores, (t, node) -> node.applications()
                .move(move(a.reference(), T.plusSeconds(t + 1), "submitted", "decided-" + t), moveNote(a.reference())));

        assertEquals(1, moved.stream().filter(b -> b).count(), "exactly one move from submitted: " + moved);
        assertEquals(2, stores.applications().history(a.reference()).size());
        assertEquals(1, audited("application.move").size());
    }

    @Test
    public void aNullApplicationOrSubmissionIsRefusedBeforeAnythingIsStored() {
        ApplicationRecord a = application(ref(1), T);

        assertThrows(NullPointerException.class,
                () -> stores.applications().file(null, submission(a), submitNote(a), List.of()));
        assertThrows(NullPointerException.class, () -> stores.applications().file(a, null, submitNote(a), List.of()));

        assertNothingStored(a.reference(), 0);
    }

    @Test
    public void aSubmissionOrMessageAboutAnotherReferenceIsRefusedAndNothingIsStored() {
        ApplicationRecord a = application(ref(1), T);
        ApplicationRecord b = application(ref(2), T);

        assertThrows(IllegalArgumentException.class,
                () -> stores.applications().file(a, submission(b), submitNote(a), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> stores.applications().file(a, submission(a), submitNote(a), List.of(sms(b.reference(), T))));

        assertNothingStored(a.reference(), 0);
        assertNothingStored(b.reference(), 0);
    }

    @Test
    public void anApplicationLackingARequiredValueStoresNothing() {
        ApplicationRecord a = application(ref(1), T);
        ApplicationRecord noService = new ApplicationRecord(a.reference(), null, 1, a.agency(), a.cnic(), a.tier(),
                a.answers(), a.status(), a.paymentState(), T, T);
        ApplicationRecord noCnic = new ApplicationRecord(a.reference(), a.serviceId(), 1, a.agency(), null, a.tier(),
                a.answers(), a.status(), a.paymentState(), T, T);
        ApplicationRecord noTime = new ApplicationRecord(a.reference(), a.serviceId(), 1, a.agency(), a.cnic(), a.tier(),
                a.answers(), a.status(), a.paymentState(), null, T);

        for (ApplicationRecord bad : List.of(noService, noCnic, noTime)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> stores.applications()
                    .file(bad, submission(a), submitNote(a), List.of(sms(a.reference(), T))));
            assertRefusal(e);
            assertNothingStored(a.reference(), 0);
        }
    }

    @Test
    public void aMessageTheStoreCannotHoldFailsTheWholeFiling() {
        ApplicationRecord a = application(ref(1), T);
        Notification noText = new Notification(0, a.reference(), "submitted", "sms", "03001234567", null,
                Notification.QUEUED, null, null, 0, T, null, null);

        RuntimeException e = assertThrows(RuntimeException.class, () -> stores.applications()
                .file(a, submission(a), submitNote(a), List.of(sms(a.reference(), T), noText)));

        assertRefusal(e);
        assertNothingStored(a.reference(), 0);
        assertTrue(stores.applications().file(a, submission(a), submitNote(a), List.of()).isPresent(),
                "the reference is still free");
    }

    private void assertNothingStored(String reference, int entries) {
        assertTrue(stores.applications().find(reference).isEmpty(), reference + " stored");
        assertEquals(List.of(), stores.applications().history(reference));
        assertEquals(List.of(), stores.notifications().forReference(reference));
        assertEquals(entries, audited("application.submit").size());
    }
}
