package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.notify.Message;
import org.khidmat.api.notify.NotificationProvider;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.platform.TrackedApplication;
import org.osgi.framework.Constants;

/** The outbox: who is told, in which words, by which provider, and the retries when delivery fails. */
class NotificationDeskTest {
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(Instant.parse("2026-03-02T05:00:00Z"));
    private final Outbox store = new Outbox();
    private final List<Map.Entry<Duration, Runnable>> scheduled = new ArrayList<>();
    private final NotificationDesk desk = new NotificationDesk(store, clock, null,
            (delay, work) -> scheduled.add(Map.entry(delay, work)));

    /** The outbox in memory; one instance shared by two desks stands for one database shared by two nodes. */
    static final class Outbox implements NotificationStore {
        final Map<Long, Notification> rows = new LinkedHashMap<>();
        /** Until when each message is held, as the store's lease_until. */
        final Map<Long, Instant> leases = new LinkedHashMap<>();

        @Override
        public synchronized List<Notification> claim(String holder, Instant now, Instant until, int limit) {
            List<Notification> out = new ArrayList<>();
            for (Notification n : rows.values()) {
                if (out.size() < limit && n.state().equals(Notification.QUEUED)
                        && leases.getOrDefault(n.id(), Instant.EPOCH).isBefore(now)) {
                    leases.put(n.id(), until);
                    out.add(n);
                }
            }
            return out;
        }

        @Override
        public synchronized void record(List<Notification> deliveries, String holder, Instant holdUntil) {
            record(deliveries);
            deliveries.stream().filter(n -> n.state().equals(Notification.QUEUED)).forEach(n -> leases.put(n.id(), holdUntil));
        }
        /** Each write of a delivery's outcome, as the number of messages it records. */
        final List<Integer> outcomeWrites = new ArrayList<>();

        /** Stores a message queued before the test's start, nobody holding it. */
        synchronized Notification queuedEarlier(Notification n) {
            Notification stored = add(n);
            leases.put(stored.id(), Instant.EPOCH);
            return stored;
        }

        @Override
        public synchronized Notification add(Notification n) {
            leases.put((long) rows.size() + 1, n.createdAt().plus(FILED_LEASE));
            Notification stored = new Notification(rows.size() + 1, n.reference(), n.event(), n.channel(), n.recipient(),
                    n.text(), n.state(), null, null, 0, n.createdAt(), null, null);
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public void update(long id, String state, String provider, String providerReference, int attempts, Instant sentAt,
                String error) {
            outcomeWrites.add(1);
            put(id, state, provider, providerReference, attempts, sentAt, error);
        }

        @Override
        public synchronized void record(List<Notification> deliveries) {
            outcomeWrites.add(deliveries.size());
            deliveries.forEach(n -> put(n.id(), n.state(), n.provider(), n.providerReference(), n.attempts(), n.sentAt(),
                    n.error()));
        }

        private void put(long id, String state, String provider, String providerReference, int attempts, Instant sentAt,
                String error) {
            Notification n = rows.get(id);
            rows.put(id, new Notification(id, n.reference(), n.event(), n.channel(), n.recipient(), n.text(), state, provider,
                    providerReference, attempts, n.createdAt(), sentAt, error));
        }

        @Override
        public List<Notification> forReference(String reference) {
            return rows.values().stream().filter(n -> n.reference().equals(reference)).toList();
        }

        @Override
        public List<Notification> recent(int limit) {
            return rows.values().stream().limit(limit).toList();
        }

        @Override
        public List<Notification> queued() {
            return rows.values().stream().filter(n -> n.state().equals(Notification.QUEUED)).toList();
        }
    }

    /** A provider that records what it is given, and fails while told to. */
    static final class Recorder implements NotificationProvider {
        final List<Message> sent = new ArrayList<>();
        boolean failing;

        @Override
        public String send(Message message) {
            if (failing) {
                throw new IllegalStateException("gateway down");
            }
            sent.add(message);
            return "R-" + sent.size();
        }
    }

    private static TrackedApplication application(String status, Map<String, String> answers) {
        ServiceDescriptor police = Fakes.police();
        List<Field> form = new ArrayList<>(police.form());
        Text label = new Text("Mobile", "موبائل");
        form.add(new Field("mobile", FieldType.PHONE, label, null, false, List.of(), 0, 20, null, 1));
        form.add(new Field("email", FieldType.EMAIL, label, null, false, List.of(), 0, 100, null, 1));
        ServiceDescriptor d = new ServiceDescriptor(police.id(), police.version(), police.agency(), police.category(),
                police.title(), police.summary(), null, List.of(), police.fees(), form, police.workflow(), false, "x");
        ApplicationRecord a = new ApplicationRecord("KM7Q-4XPA-K", d.id(), d.version(), "police", Fakes.CNIC, "normal",
                answers, status, "none", Instant.EPOCH, Instant.EPOCH);
        return new TrackedApplication(a, d, List.of());
    }

    /** Runs the writes of delivery outcomes that are due, and nothing else. */
    private void recordDue() {
        List<Map.Entry<Duration, Runnable>> now = scheduled.stream()
                .filter(e -> e.getKey().equals(NotificationDesk.RECORD_EVERY)).toList();
        scheduled.removeAll(now);
        now.forEach(e -> e.getValue().run());
    }

    /** Runs every task scheduled so far, the soonest first. */
    private void runDue() {
        List<Map.Entry<Duration, Runnable>> now = new ArrayList<>(scheduled);
        now.sort(Map.Entry.comparingByKey());
        scheduled.clear();
        now.forEach(e -> e.getValue().run());
    }

    @Test
    void eachChannelWithAnAnswerGetsOneMessageFromTheHighestRankedProvider() {
        Recorder low = new Recorder();
        Recorder high = new Recorder();
        Recorder mail = new Recorder();
        desk.addProvider(low, Map.of(NotificationProvider.CHANNEL, "sms", NotificationProvider.PROVIDER_ID, "low",
                Constants.SERVICE_ID, 1L));
        desk.addProvider(high, Map.of(NotificationProvider.CHANNEL, "sms", NotificationProvider.PROVIDER_ID, "high",
                Constants.SERVICE_ID, 2L, Constants.SERVICE_RANKING, 10));
        desk.addProvider(mail, Map.of(NotificationProvider.CHANNEL, "email", NotificationProvider.PROVIDER_ID, "mail",
                Constants.SERVICE_ID, 3L));
        List<Notification> queued = desk.tell(application("done", Map.of("mobile", "0300-1234567", "email", "a@example.com")),
                "status");
        assertEquals(2, queued.size());
        assertTrue(high.sent.isEmpty(), "nothing is sent on the caller's thread");
        runDue();
        assertEquals(List.of(), low.sent);
        assertEquals("03001234567", high.sent.get(0).to());
        assertTrue(high.sent.get(0).text().contains("KM7Q-4XPA-K"), high.sent.get(0).text());
        assertTrue(high.sent.get(0).text().contains("is now: Done."), high.sent.get(0).text());
        assertEquals("a@example.com", mail.sent.get(0).to());
        assertEquals("Asan Khidmat: application KM7Q-4XPA-K", mail.sent.get(0).subject());
        assertEquals(Notification.QUEUED, store.rows.get(1L).state(), "outcomes are gathered before they are written");
        recordDue();
        Notification sms = store.rows.get(1L);
        assertEquals(Notification.SENT, sms.state());
        assertEquals("high", sms.provider());
        assertEquals("R-1", sms.providerReference());
    }

    @Test
    void aMessageSentIsADebugLineNotAnInfoLine() {
        // the outbox (/admin/messages) and khidmat_notifications_total keep every outcome; an INFO line per message
        // doubled the log lines of a filing (issue 16): the filing's own line is the business event
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(NotificationDesk.class.getName());
        List<java.util.logging.LogRecord> lines = new ArrayList<>();
        java.util.logging.Handler catcher = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(catcher);
        try {
            Recorder sms = new Recorder();
            desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", NotificationProvider.PROVIDER_ID, "sms",
                    Constants.SERVICE_ID, 1L));
            desk.tell(application("done", Map.of("mobile", "0300-1234567")), "status");
            runDue();
            assertEquals(1, sms.sent.size());
            List<java.util.logging.LogRecord> sent = lines.stream().filter(r -> r.getMessage().contains(" sent by ")).toList();
            assertEquals(1, sent.size(), "one line for the message sent");
            assertEquals(java.util.logging.Level.FINE, sent.get(0).getLevel(), "at DEBUG");
            assertTrue(lines.stream().noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()),
                    "nothing at INFO or above for a message sent");
        } finally {
            jul.removeHandler(catcher);
            jul.setLevel(before);
        }
    }

    @Test
    void readyDocumentsAreSaidInWords() {
        assertTrue(MessageTexts.text(application("ready", Map.of()), "status").orElseThrow()
                .contains("Your documents are ready"));
        assertTrue(MessageTexts.text(application("review", Map.of()), "paid").orElseThrow()
                .contains("payment received"));
        assertTrue(MessageTexts.text(application("review", Map.of()), "unknown-event").isEmpty());
    }

    @Test
    void noContactNoMessageAndALandlineGetsNoSms() {
        assertEquals(List.of(), desk.tell(application("review", Map.of()), "status"));
        assertEquals(List.of(), desk.tell(application("review", Map.of("mobile", "0512345678")), "status"));
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void failuresAreRetriedWithGrowingWaitsThenGivenUp() {
        Recorder sms = new Recorder();
        sms.failing = true;
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 7L));
        desk.tell(application("review", Map.of("mobile", "03001234567")), "status");
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < NotificationDesk.RETRIES.size() + 1; i++) {
            recordDue();
            assertEquals(1, scheduled.size());
            waits.add(scheduled.get(0).getKey());
            runDue();
        }
        recordDue();
        assertEquals(Duration.ZERO, waits.get(0));
        assertEquals(NotificationDesk.RETRIES, waits.subList(1, waits.size()));
        assertTrue(scheduled.isEmpty(), "given up");
        Notification n = store.rows.get(1L);
        assertEquals(Notification.FAILED, n.state());
        assertEquals(NotificationDesk.RETRIES.size() + 1, n.attempts());
        assertTrue(n.error().contains("gateway down"), n.error());
    }

    @Test
    void aMessageWaitsForAProviderToBeDeployed() {
        desk.tell(application("review", Map.of("mobile", "03001234567")), "status");
        runDue();
        recordDue();
        Notification waiting = store.rows.get(1L);
        assertEquals(Notification.QUEUED, waiting.state());
        assertEquals("no sms provider is deployed", waiting.error());
        Recorder sms = new Recorder();
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 8L));
        runDue();
        recordDue();
        assertEquals(Notification.SENT, store.rows.get(1L).state());
        assertEquals(2, store.rows.get(1L).attempts());
        assertEquals(1, sms.sent.size());
    }

    @Test
    void theOutcomesOfMessagesSentTogetherAreRecordedInOneWrite() {
        Recorder sms = new Recorder();
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 9L));
        for (int i = 0; i < 3; i++) {
            desk.tell(application("review", Map.of("mobile", "03001234567")), "status");
        }
        runDue();
        assertEquals(3, sms.sent.size());
        recordDue();
        assertEquals(List.of(3), store.outcomeWrites, "three deliveries, one write");
        assertTrue(store.rows.values().stream().allMatch(n -> n.state().equals(Notification.SENT)));
    }

    @Test
    void composedMessagesAreStoredByTheCallerAndDeliveredWhenHandedOver() {
        Recorder sms = new Recorder();
        Recorder mail = new Recorder();
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 10L));
        desk.addProvider(mail, Map.of(NotificationProvider.CHANNEL, "email", Constants.SERVICE_ID, 11L));
        TrackedApplication a = application("submitted", Map.of("mobile", "0300 1234567", "email", "a@example.com"));
        List<Notification> composed = desk.compose(a, "submitted");
        assertEquals(List.of("sms", "email"), composed.stream().map(Notification::channel).toList());
        assertTrue(store.rows.isEmpty(), "composing stores nothing");
        assertTrue(scheduled.isEmpty(), "and sends nothing");
        assertTrue(composed.get(0).text().contains("we received your application KM7Q-4XPA-K"), composed.get(0).text());
        List<Notification> stored = composed.stream().map(store::add).toList();
        desk.deliver(stored);
        assertTrue(sms.sent.isEmpty(), "nothing is sent on the caller's thread");
        runDue();
        assertEquals("03001234567", sms.sent.get(0).to());
        assertEquals("a@example.com", mail.sent.get(0).to());
        recordDue();
        assertEquals(List.of(2), store.outcomeWrites);
        assertEquals(Notification.SENT, store.rows.get(stored.get(1).id()).state());
    }

    @Test
    void outcomesOfRoundsWithinTheGatheringTimeShareOneWriteAndStoppingWritesWhatIsLeft() throws Exception {
        Recorder sms = new Recorder();
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 12L));
        desk.tell(application("review", Map.of("mobile", "03001234567")), "status");
        runDue();
        desk.tell(application("done", Map.of("mobile", "03001234567")), "status");
        runDue();
        assertEquals(2, sms.sent.size(), "two rounds of sending");
        recordDue();
        assertEquals(List.of(2), store.outcomeWrites, "their outcomes in one write");
        desk.tell(application("done", Map.of("mobile", "03001234567")), "status");
        runDue();
        desk.stop();
        assertEquals(List.of(2, 1), store.outcomeWrites, "stopping writes the outcomes gathered");
    }

    /** A second node over the same outbox, with a scheduler of its own. */
    private NotificationDesk node(String name, List<Map.Entry<Duration, Runnable>> tasks) {
        return new NotificationDesk(store, clock, null, (delay, work) -> tasks.add(Map.entry(delay, work)), () -> name);
    }

    /** Runs the tasks of a scheduler that are due within {@code upTo}, the soonest first; later ones stay. */
    private static void run(List<Map.Entry<Duration, Runnable>> tasks, Duration upTo) {
        List<Map.Entry<Duration, Runnable>> due = tasks.stream().filter(e -> e.getKey().compareTo(upTo) <= 0)
                .sorted(Map.Entry.comparingByKey()).toList();
        tasks.removeAll(due);
        due.forEach(e -> e.getValue().run());
    }

    private Notification queuedBefore(int i) {
        return store.queuedEarlier(new Notification(0, "KM7Q-4XPA-K", "status", "sms", "03001234567", "text " + i,
                Notification.QUEUED, null, null, 0, clock.instant().minusSeconds(3600), null, null));
    }

    @Test
    void twoNodesStartingTogetherSendEachQueuedMessageOnce() {
        for (int i = 0; i < 250; i++) {
            queuedBefore(i);
        }
        List<Map.Entry<Duration, Runnable>> tasksA = new ArrayList<>();
        List<Map.Entry<Duration, Runnable>> tasksB = new ArrayList<>();
        NotificationDesk a = node("node-a", tasksA);
        NotificationDesk b = node("node-b", tasksB);
        Recorder sms = new Recorder();
        a.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 20L));
        b.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 21L));
        a.startClaiming();
        b.startClaiming();
        for (int round = 0; round < 5; round++) { // the two nodes' rounds interleaved, as two processes' would
            run(tasksA, Duration.ZERO);
            run(tasksB, Duration.ZERO);
            run(tasksA, NotificationDesk.RECORD_EVERY);
            run(tasksB, NotificationDesk.RECORD_EVERY);
        }
        assertEquals(250, sms.sent.size(), "every message sent once: " + sms.sent.size());
        assertEquals(250, sms.sent.stream().map(Message::id).distinct().count(), "none twice");
        assertTrue(store.rows.values().stream().allMatch(n -> n.state().equals(Notification.SENT)));
        assertTrue(tasksA.stream().anyMatch(e -> e.getKey().equals(NotificationDesk.CLAIM_EVERY)), "a claims again later");
    }

    @Test
    void aNodeThatDiesLeavesItsMessagesToAnotherOnceItsHoldEnds() {
        List<Map.Entry<Duration, Runnable>> tasksA = new ArrayList<>();
        List<Map.Entry<Duration, Runnable>> tasksB = new ArrayList<>();
        NotificationDesk a = node("node-a", tasksA);
        NotificationDesk b = node("node-b", tasksB);
        Recorder sms = new Recorder();
        b.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 22L));
        a.tell(application("review", Map.of("mobile", "03001234567")), "status"); // filed on a, which dies at once
        b.startClaiming();
        run(tasksB, Duration.ZERO);
        assertTrue(sms.sent.isEmpty(), "b does not take a message its filer still holds");
        clock.plus(NotificationStore.FILED_LEASE.plusSeconds(1));
        run(tasksB, NotificationDesk.CLAIM_EVERY);
        run(tasksB, NotificationDesk.RECORD_EVERY);
        assertEquals(1, sms.sent.size(), "once a's hold ended, b claimed and sent it");
        assertEquals(Notification.SENT, store.rows.get(1L).state());
    }

    @Test
    void aMessageWhoseHoldRanOutIsNotTriedButLeftToAClaim() {
        Recorder sms = new Recorder();
        desk.addProvider(sms, Map.of(NotificationProvider.CHANNEL, "sms", Constants.SERVICE_ID, 23L));
        desk.tell(application("review", Map.of("mobile", "03001234567")), "status");
        clock.plus(NotificationStore.FILED_LEASE); // the sender thread fell that far behind
        runDue();
        assertTrue(sms.sent.isEmpty(), "another node may have claimed it meanwhile: not sent from here");
    }
}
