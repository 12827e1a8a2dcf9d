package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.application;
import static org.khidmat.testkit.store.Samples.email;
import static org.khidmat.testkit.store.Samples.ref;
import static org.khidmat.testkit.store.Samples.sms;
import static org.khidmat.testkit.store.Samples.submission;
import static org.khidmat.testkit.store.Samples.submitNote;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.ApplicationStore;

/** {@link ApplicationStore}: filing, a taken reference, tracking, descriptors, and filings from many threads at once. */
public abstract class ApplicationStoreContract extends StoreContract {

    @Test
    public void aFilingStoresTheApplicationItsHistoryItsAuditEntryAndItsMessagesTogether() {
        ApplicationRecord a = application(ref(1), T);
        List<Notification> stored = stores.applications()
                .file(a, submission(a), submitNote(a), List.of(sms(a.reference(), T), email(a.reference(), T))).orElseThrow();

        assertEquals(a, stores.applications().find(a.reference()).orElseThrow());
        assertEquals(List.of(submission(a)), stores.applications().history(a.reference()));
        assertEquals(List.of(a.reference()), audited("application.submit").stream().map(e -> e.subject()).toList());
        assertEquals(List.of("sms", "email"), stored.stream().map(Notification::channel).toList(), "in the order given");
        assertEquals(2, stored.stream().map(Notification::id).distinct().count(), "each message has an id of its own");
        assertTrue(stored.stream().allMatch(n -> Notification.QUEUED.equals(n.state())), "queued");
        assertEquals(stored, stores.notifications().forReference(a.reference()));
        assertTrue(stores.audit().verify().intact());
    }

    @Test
    public void aTakenReferenceStoresNothingAndReturnsEmpty() {
        ApplicationRecord first = filed(ref(1), T);
        int entries = auditSize();
        ApplicationRecord other = application(first.reference(), "ictpolice", "ictpolice.character-cert", "submitted",
                T.plusSeconds(60));

        Optional<List<Notification>> second = stores.applications().file(other, submission(other), submitNote(other),
                List.of(sms(other.reference(), T)));

        assertTrue(second.isEmpty(), "a taken reference returns empty, for the caller to draw another");
        assertEquals(first, stores.applications().find(first.reference()).orElseThrow(), "the first is kept as it was");
        assertEquals(1, stores.applications().history(first.reference()).size());
        assertEquals(List.of(), stores.notifications().forReference(first.reference()), "no message of the refused filing");
        assertEquals(entries, auditSize(), "no audit entry of the refused filing");
    }

    @Test
    public void createRefusesATakenReferenceWithAStoreExceptionAndKeepsTheFirst() {
        ApplicationRecord first = filed(ref(1), T);
        ApplicationRecord other = application(first.reference(), "fbr", "fbr.ntn", "submitted", T.plusSeconds(5));

        StoreException e = assertThrows(StoreException.class,
                () -> stores.applications().create(other, submission(other), submitNote(other)));

        assertFalse(e.getMessage().contains(Samples.CNIC), "no CNIC in a message: " + e.getMessage());
        assertEquals(first, stores.applications().find(first.reference()).orElseThrow());
        assertEquals(1, audited("application.submit").size());
    }

    @Test
    public void theAnswersComeBackExactlyAndInFormOrder() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("zeta", "last letter first");
        answers.put("پتہ", "مکان نمبر 5، گلی 7، اسلام آباد");
        answers.put("alpha", "\"quoted\", back\\slash, tab\tand line\nbreak, emoji \uD83C\uDDF5\uD83C\uDDF0");
        answers.put("empty", "");
        answers.put("long", "x".repeat(256 * 1024));
        ApplicationRecord a = new ApplicationRecord(ref(1), "nadra.cnic-renewal", 3, "nadra", Samples.CNIC, null,
                answers, "submitted", "none", T, T);
        filed(a);

        ApplicationRecord found = stores.applications().find(a.reference()).orElseThrow();
        assertEquals(a, found);
        assertEquals(List.copyOf(answers.keySet()), List.copyOf(found.answers().keySet()), "form order");
    }

    @Test
    public void aReferenceIsFoundExactlyAndTrackingReadsTheCnicFiled() {
        filed(ref(1), T);

        assertEquals(Samples.CNIC, stores.applications().find(ref(1)).orElseThrow().cnic());
        assertTrue(stores.applications().find(ref(1).toLowerCase()).isEmpty(), "matched exactly: callers normalise");
        assertTrue(stores.applications().find(ref(2)).isEmpty());
        assertEquals(List.of(), stores.applications().history(ref(2)), "no history for an unknown reference");
    }

    @Test
    public void aDescriptorVersionIsKeptOnceAndTheFirstTextStays() {
        stores.applications().keepDescriptor("nadra.cnic-renewal", 2, "{\"version\":2}");
        stores.applications().keepDescriptor("nadra.cnic-renewal", 2, "{\"version\":2,\"changed\":true}");
        stores.applications().keepDescriptor("nadra.cnic-renewal", 3, "{\"version\":3}");

        assertEquals(Optional.of("{\"version\":2}"), stores.applications().descriptor("nadra.cnic-renewal", 2));
        assertEquals(Optional.of("{\"version\":3}"), stores.applications().descriptor("nadra.cnic-renewal", 3));
        assertEquals(Optional.empty(), stores.applications().descriptor("nadra.cnic-renewal", 1));
        assertEquals(Optional.empty(), stores.applications().descriptor("fbr.ntn", 2));
    }

    @Test
    public void everyFilingAcknowledgedFromManyThreadsOnTwoNodesIsReadable() {
        int threads = 8;
        int each = 15;
        List<List<String>> acknowledged = Together.run(threads, stores, (t, node) -> {
            List<String> refs = new java.util.ArrayList<>();
            for (int i = 0; i < each; i++) {
                ApplicationRecord a = application(ref(t * 100 + i), T.plusMillis(t * 100 + i));
                node.applications().file(a, submission(a), submitNote(a), List.of(sms(a.reference(), T))).orElseThrow();
                refs.add(a.reference());
            }
            return refs;
        });

        Set<String> all = new HashSet<>();
        acknowledged.forEach(all::addAll);
        assertEquals(threads * each, all.size());
        for (String reference : all) {
            assertTrue(stores.applications().find(reference).isPresent(), reference + " was acknowledged and is lost");
            assertEquals(1, stores.applications().history(reference).size(), reference);
            assertEquals(1, stores.notifications().forReference(reference).size(), reference);
        }
        assertEquals(threads * each, audited("application.submit").size());
        assertTrue(stores.audit().verify().intact(), stores.audit().verify().message());
    }

    @Test
    public void ofTwoNodesFilingOneReferenceAtOnceExactlyOneHasIt() {
        List<Boolean> stored = Together.run(8, stores, (t, node) -> {
            ApplicationRecord a = application(ref(1), T.plusSeconds(t));
            return node.applications().file(a, submission(a), submitNote(a), List.of()).isPresent();
        });

        assertEquals(1, stored.stream().filter(b -> b).count(), "exactly one filing holds the reference: " + stored);
        assertEquals(1, stores.applications().history(ref(1)).size());
        assertEquals(1, audited("application.submit").size());
    }

    @Test
    public void timesAreKeptToTheMillisecond() {
        java.time.Instant precise = T.plusNanos(123_456_789);
        ApplicationRecord a = application(ref(1), precise);
        filed(a);
        java.time.Instant millis = precise.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        ApplicationRecord found = stores.applications().find(ref(1)).orElseThrow();
        assertEquals(millis, found.createdAt());
        assertEquals(millis, found.updatedAt());
        assertEquals(millis, stores.applications().history(ref(1)).get(0).at());
    }
}
