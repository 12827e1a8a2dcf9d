package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.email;
import static org.khidmat.testkit.store.Samples.ref;
import static org.khidmat.testkit.store.Samples.sms;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;

/** {@link NotificationStore}: queued with ids, retried, sent once, failed; read in order. */
public abstract class NotificationStoreContract extends StoreContract {

    private static Notification after(Notification n, String state, int attempts, boolean sent, String error) {
        return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(), state,
                "simnotify", sent ? "SIM-" + n.id() : null, attempts, n.createdAt(), sent ? T.plusSeconds(5) : null, error);
    }

    @Test
    public void aMessageIsQueuedWithAnIdAndReadBackAsGiven() {
        Notification given = sms(ref(1), T);

        Notification stored = stores.notifications().add(given);

        assertTrue(stored.id() > 0, "an id");
        assertEquals(new Notification(stored.id(), ref(1), "submitted", "sms", "03001234567", "Received: " + ref(1),
                Notification.QUEUED, null, null, 0, T, null, null), stored);
        assertEquals(List.of(stored), stores.notifications().forReference(ref(1)));
        assertEquals(List.of(stored), stores.notifications().queued());
    }

    @Test
    public void messagesAreReadOldestFirstPerReferenceAndNewestFirstInRecent() {
        Notification a = stores.notifications().add(sms(ref(1), T));
        Notification b = stores.notifications().add(email(ref(2), T));
        Notification c = stores.notifications().add(email(ref(1), T.plusSeconds(1)));

        assertEquals(List.of(a, c), stores.notifications().forReference(ref(1)));
        assertEquals(List.of(c, b), stores.notifications().recent(2));
        assertEquals(List.of(a, b, c), stores.notifications().queued());
        assertEquals(List.of(), stores.notifications().forReference(ref(3)));
    }

    @Test
    public void aFailedAttemptStaysQueuedForItsRetryAndASentMessageLeavesTheQueueForGood() {
        Notification n = stores.notifications().add(sms(ref(1), T));
        Notification other = stores.notifications().add(email(ref(1), T));

        stores.notifications().update(n.id(), Notification.QUEUED, "simnotify", null, 1, null, "provider timed out");
        Notification retry = stores.notifications().queued().get(0);
        assertEquals(n.id(), retry.id());
        assertEquals(1, retry.attempts());
        assertEquals("provider timed out", retry.error());

        stores.notifications().record(List.of(after(n, Notification.SENT, 2, true, null),
                after(other, Notification.FAILED, 5, false, "no such address")));

        assertEquals(List.of(), stores.notifications().queued(), "sent and failed are final");
        List<Notification> both = stores.notifications().forReference(ref(1));
        assertEquals(List.of(after(n, Notification.SENT, 2, true, null),
                after(other, Notification.FAILED, 5, false, "no such address")), both);
    }

    @Test
    public void messagesQueuedAtOnceOnTwoNodesAllGetIdsOfTheirOwn() {
        List<List<Notification>> added = Together.run(6, stores, (t, node) -> {
            List<Notification> mine = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(node.notifications().add(sms(ref(t), T.plusMillis(i))));
            }
            return mine;
        });

        HashSet<Long> ids = new HashSet<>();
        added.forEach(list -> list.forEach(n -> assertTrue(ids.add(n.id()), "id " + n.id() + " given twice")));
        assertEquals(60, stores.notifications().queued().size());
        for (int t = 0; t < 6; t++) {
            assertEquals(added.get(t), stores.notifications().forReference(ref(t)), "in the order each was queued");
        }
    }

    @Test
    public void aLimitOfZeroOrLessGivesNoRecentMessage() {
        stores.notifications().add(sms(ref(1), T));

        assertEquals(List.of(), stores.notifications().recent(0));
        assertEquals(List.of(), stores.notifications().recent(-1));
    }

    @Test
    public void aMessageOnAnUnknownChannelOrWithoutRecipientIsRefusedAndNothingIsQueued() {
        Notification fax = new Notification(0, ref(1), "submitted", "fax", "051-1234567", "Received", Notification.QUEUED,
                null, null, 0, T, null, null);
        Notification nobody = new Notification(0, ref(1), "submitted", "sms", null, "Received", Notification.QUEUED,
                null, null, 0, T, null, null);

        for (Notification bad : List.of(fax, nobody)) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> stores.notifications().add(bad));
            assertRefusal(e);
        }

        assertEquals(List.of(), stores.notifications().queued());
    }
}
