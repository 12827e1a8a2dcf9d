package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.notify.Message;
import org.khidmat.api.notify.NotificationProvider;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.metrics.Meter;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.khidmat.core.internal.words.CoreWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to citizens through an outbox: {@link #tell} stores them (one per channel the form has an answer
 * for) and returns; one sender thread delivers them with the provider of their channel and retries a failure (or
 * a missing provider) after 5 s, 30 s, 2 min and 10 min before giving up. Messages still queued at a restart
 * are sent then. A caller that stores messages with its own change ({@link #compose}, then {@link #deliver}) makes
 * no write here; the outcomes of the messages sent within {@link #RECORD_EVERY} are recorded in one write.
 */
@Component(service = Notifications.class, immediate = true)
public final class NotificationDesk implements Notifications {
    /** Waits before the 2nd, 3rd... attempt; after the last one the message is failed. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10));
    /**
     * How long delivery outcomes are gathered before they are written, in one write: a lone citizen's next filing
     * then does not queue behind a write of the last message's outcome. A crash meanwhile leaves those messages
     * queued, to be sent again at the next start (providers are given the same message id).
     */
    static final Duration RECORD_EVERY = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDesk.class);
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}");
    private final NotificationStore store;
    private final Clock clock;
    private final Map<String, Map<Ranked, NotificationProvider>> providers = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final Later later;
    /** Outcomes of delivery attempts not yet written. */
    private final List<Notification> unrecorded = new ArrayList<>();
    /** Stored messages handed over for delivery, not yet tried. */
    private final List<Notification> waiting = new ArrayList<>();

    /** Runs a delivery after a delay, on the sender thread. */
    @FunctionalInterface
    interface Later {
        void after(Duration delay, Runnable work);
    }

    /** A provider's place in its channel: highest ranking first, then the lowest service id. */
    private record Ranked(int ranking, long serviceId, String id) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int r = Integer.compare(o.ranking, ranking);
            return r != 0 ? r : Long.compare(serviceId, o.serviceId);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;
    private final Meter meter = new Meter(() -> metrics);

    @Activate
    public NotificationDesk(@Reference NotificationStore store) {
        this(store, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khidmat-notifications");
            t.setDaemon(true);
            return t;
        }));
        later.after(Duration.ZERO, () -> deliver(store.queued()));
    }

    private NotificationDesk(NotificationStore store, Clock clock, ScheduledExecutorService executor) {
        this(store, clock, executor, (delay, work) -> executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    NotificationDesk(NotificationStore store, Clock clock, ScheduledExecutorService executor, Later later) {
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.later = later;
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        recordOutcomes();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(NotificationProvider provider, Map<String, Object> properties) {
        Object channel = properties.get(NotificationProvider.CHANNEL);
        if (channel instanceof String c) {
            providers.computeIfAbsent(c, x -> new ConcurrentSkipListMap<>()).put(ranked(properties), provider);
        } else {
            LOG.warn("notifications: a provider without {} is ignored", NotificationProvider.CHANNEL);
        }
    }

    void removeProvider(NotificationProvider provider, Map<String, Object> properties) {
        Object channel = properties.get(NotificationProvider.CHANNEL);
        if (channel instanceof String c && providers.containsKey(c)) {
            providers.get(c).remove(ranked(properties), provider);
        }
    }

    private static Ranked ranked(Map<String, Object> properties) {
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        long id = properties.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
        Object name = properties.get(NotificationProvider.PROVIDER_ID);
        return new Ranked(ranking, id, name instanceof String s ? s : "provider-" + id);
    }

    @Override
    public List<Notification> tell(TrackedApplication application, String event) {
        List<Notification> stored = compose(application, event).stream().map(store::add).toList();
        deliver(stored);
        return stored;
    }

    @Override
    public List<Notification> compose(TrackedApplication application, String event) {
        List<Notification> composed = new ArrayList<>();
        Optional<String> text = Texts.text(application, event);
        if (text.isEmpty()) {
            return composed;
        }
        contact(application, FieldType.PHONE).filter(p -> MOBILE.matcher(p).matches())
                .ifPresent(phone -> composed.add(message(application, event, NotificationProvider.SMS, phone, text.get())));
        contact(application, FieldType.EMAIL)
                .ifPresent(mail -> composed.add(message(application, event, NotificationProvider.EMAIL, mail, text.get())));
        return composed;
    }

    private Notification message(TrackedApplication a, String event, String channel, String to, String text) {
        return new Notification(0, a.application().reference(), event, channel, to, text, Notification.QUEUED, null, null,
                0, clock.instant(), null, null);
    }

    /**
     * Hands stored messages to the sender thread. Messages handed over while it sends or writes wait together and go
     * out in its next round.
     */
    @Override
    public void deliver(List<Notification> stored) {
        if (stored.isEmpty()) {
            return;
        }
        boolean first;
        synchronized (waiting) {
            first = waiting.isEmpty();
            waiting.addAll(stored);
        }
        if (first) {
            later.after(Duration.ZERO, this::sendWaiting);
        }
    }

    /** Sends every message waiting; their outcomes join those to be written (see {@link #RECORD_EVERY}). */
    private void sendWaiting() {
        List<Notification> round;
        synchronized (waiting) {
            round = new ArrayList<>(waiting);
            waiting.clear();
        }
        sendAndRecord(round);
    }

    /** @return the first answer of a phone or e-mail question of the form */
    static Optional<String> contact(TrackedApplication a, FieldType type) {
        for (Field f : Applications.questions(a.descriptor())) {
            String answer = a.application().answers().get(f.name());
            if (f.type() == type && answer != null && !answer.isBlank()) {
                return Optional.of(answer.replaceAll("[\\s-]", ""));
            }
        }
        return Optional.empty();
    }

    /** Writes the outcomes gathered since the last write, in one write. */
    private void recordOutcomes() {
        List<Notification> outcomes;
        synchronized (unrecorded) {
            outcomes = new ArrayList<>(unrecorded);
            unrecorded.clear();
        }
        if (outcomes.isEmpty()) {
            return;
        }
        try {
            store.record(outcomes);
        } catch (RuntimeException e) {
            // still queued in the outbox: sent again at the next start (a citizen may get a message twice, never none)
            LOG.warn("notifications: could not record the delivery of {} message(s): {}", outcomes.size(), e.toString());
        }
    }

    /** Tries one delivery of each message, schedules the retries, and gathers the outcomes for one write. */
    private void sendAndRecord(List<Notification> messages) {
        List<Notification> outcomes = new ArrayList<>(messages.size());
        for (Notification n : messages) {
            outcomes.add(attempt(n));
        }
        boolean first;
        synchronized (unrecorded) {
            first = unrecorded.isEmpty();
            unrecorded.addAll(outcomes);
        }
        if (first) {
            later.after(RECORD_EVERY, this::recordOutcomes);
        }
        for (Notification n : outcomes) {
            if (n.state().equals(Notification.SENT)) {
                meter.count("khidmat_notifications_total", n.channel(), "sent");
                LOG.info("notifications: message {} about {} sent by {}", n.id(), n.reference(), n.provider());
            } else if (n.state().equals(Notification.FAILED)) {
                meter.count("khidmat_notifications_total", n.channel(), "failed");
                LOG.warn("notifications: gave up on message {} about {} after {} attempts: {}", n.id(), n.reference(),
                        n.attempts(), n.error());
            } else {
                meter.count("khidmat_notifications_total", n.channel(), "retried");
                Duration wait = RETRIES.get(n.attempts() - 1);
                LOG.info("notifications: message {} not sent ({}); trying again in {} s", n.id(), n.error(), wait.toSeconds());
                later.after(wait, () -> sendAndRecord(List.of(n)));
            }
        }
    }

    /** @return the message as it is after one more attempt: sent, queued for a retry, or failed after the last */
    private Notification attempt(Notification n) {
        int attempt = n.attempts() + 1;
        Map<Ranked, NotificationProvider> ofChannel = providers.getOrDefault(n.channel(), Map.of());
        Optional<Map.Entry<Ranked, NotificationProvider>> first = ofChannel.entrySet().stream().findFirst();
        String error;
        String providerId = first.map(e -> e.getKey().id()).orElse(null);
        if (first.isEmpty()) {
            error = "no " + n.channel() + " provider is deployed";
        } else {
            try {
                String id = first.get().getValue().send(new Message(n.id(), n.reference(), n.channel(), n.recipient(),
                        Texts.subject(n), n.text()));
                return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(),
                        Notification.SENT, providerId, id, attempt, n.createdAt(), clock.instant(), null);
            } catch (RuntimeException e) {
                error = providerId + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        String state = attempt > RETRIES.size() ? Notification.FAILED : Notification.QUEUED;
        return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(), state, providerId,
                null, attempt, n.createdAt(), null, error);
    }

    @Override
    public List<Notification> forReference(String reference) {
        return store.forReference(reference);
    }

    @Override
    public List<Notification> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * The words of the messages ({@code notify.*} of core's {@code messages_<lang>.properties}): each message in
     * English, then in Urdu, one line each, as a phone shows both scripts.
     */
    static final class Texts {
        static final List<String> LANGUAGES = List.of("en", "ur");
        private static final CoreWords WORDS = CoreWords.MESSAGES;

        private Texts() {
        }

        static Optional<String> text(TrackedApplication a, String event) {
            ServiceDescriptor d = a.descriptor();
            String ref = a.application().reference();
            String id = a.application().status();
            Optional<State> state = d.workflow().state(id);
            List<String> lines = new ArrayList<>();
            for (String lang : LANGUAGES) {
                String title = d.title().in(lang);
                switch (event) {
                    case "submitted" -> lines.add(WORDS.get(lang, "notify.submitted", ref, title));
                    case "paid" -> lines.add(WORDS.get(lang, "notify.paid", ref, title));
                    case "status" -> {
                        String now = state.map(x -> x.label().in(lang)).orElse(id);
                        String extra = id.equals("ready") || id.equals("issued") ? "notify.status.ready"
                                : id.equals("documents-requested") ? "notify.status.documents" : null;
                        lines.add(WORDS.get(lang, "notify.status", ref, title, now)
                                + (extra == null ? "" : " " + WORDS.get(lang, extra)));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(String.join("\n", lines));
        }

        static String subject(Notification n) {
            return WORDS.get("en", "notify.subject", n.reference());
        }
    }
}
