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
import org.khidmat.api.platform.NotificationStore;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to citizens through an outbox: {@link #tell} stores them (one per channel the form has an answer
 * for) and returns; one sender thread delivers them with the provider of their channel and retries a failure (or
 * a missing provider) after 5 s, 30 s, 2 min and 10 min before giving up. Messages still queued at a restart
 * are sent then.
 */
@Component(service = Notifications.class, immediate = true)
public final class NotificationDesk implements Notifications {
    /** Waits before the 2nd, 3rd... attempt; after the last one the message is failed. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10));
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDesk.class);
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}");
    private final NotificationStore store;
    private final Clock clock;
    private final Map<String, Map<Ranked, NotificationProvider>> providers = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final Later later;

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
        later.after(Duration.ZERO, () -> store.queued().forEach(n -> later.after(Duration.ZERO, () -> deliver(n))));
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
        List<Notification> queued = new ArrayList<>();
        Optional<String> text = Texts.text(application, event);
        if (text.isEmpty()) {
            return queued;
        }
        contact(application, FieldType.PHONE).filter(p -> MOBILE.matcher(p).matches())
                .ifPresent(phone -> queued.add(queue(application, event, NotificationProvider.SMS, phone, text.get())));
        contact(application, FieldType.EMAIL)
                .ifPresent(mail -> queued.add(queue(application, event, NotificationProvider.EMAIL, mail, text.get())));
        return queued;
    }

    private Notification queue(TrackedApplication a, String event, String channel, String to, String text) {
        Notification n = store.add(new Notification(0, a.application().reference(), event, channel, to, text,
                Notification.QUEUED, null, null, 0, clock.instant(), null, null));
        later.after(Duration.ZERO, () -> deliver(n));
        return n;
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

    /** Tries one delivery; on failure schedules the next attempt or gives up. */
    void deliver(Notification n) {
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
                store.update(n.id(), Notification.SENT, providerId, id, attempt, clock.instant(), null);
                LOG.info("notifications: message {} about {} sent by {}", n.id(), n.reference(), providerId);
                meter.count("khidmat_notifications_total", n.channel(), "sent");
                return;
            } catch (RuntimeException e) {
                error = providerId + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        boolean last = attempt > RETRIES.size();
        store.update(n.id(), last ? Notification.FAILED : Notification.QUEUED, providerId, null, attempt, null, error);
        meter.count("khidmat_notifications_total", n.channel(), last ? "failed" : "retried");
        if (last) {
            LOG.warn("notifications: gave up on message {} about {} after {} attempts: {}", n.id(), n.reference(),
                    attempt, error);
            return;
        }
        Notification next = new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(),
                Notification.QUEUED, providerId, null, attempt, n.createdAt(), null, error);
        LOG.info("notifications: message {} not sent ({}); trying again in {} s", n.id(), error,
                RETRIES.get(attempt - 1).toSeconds());
        later.after(RETRIES.get(attempt - 1), () -> deliver(next));
    }

    @Override
    public List<Notification> forReference(String reference) {
        return store.forReference(reference);
    }

    @Override
    public List<Notification> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 1000)));
    }

    /** The words of the messages, English then Urdu. */
    static final class Texts {
        private Texts() {
        }

        static Optional<String> text(TrackedApplication a, String event) {
            ServiceDescriptor d = a.descriptor();
            String ref = a.application().reference();
            String title = d.title().en();
            String titleUr = d.title().ur();
            switch (event) {
                case "submitted":
                    return Optional.of("Asan Khidmat: we received your application " + ref + " for " + title
                            + ". Track it with this reference and your CNIC.\n"
                            + "آسان خدمت: آپ کی درخواست " + ref + " (" + titleUr + ") موصول ہو گئی۔");
                case "paid":
                    return Optional.of("Asan Khidmat: payment received for application " + ref + " (" + title
                            + "). Your receipt is on the tracking page.\n"
                            + "آسان خدمت: درخواست " + ref + " کی ادائیگی موصول ہو گئی۔");
                case "status":
                    Optional<State> s = d.workflow().state(a.application().status());
                    String en = s.map(x -> x.label().en()).orElse(a.application().status());
                    String ur = s.map(x -> x.label().ur()).orElse(a.application().status());
                    String extra = "";
                    String extraUr = "";
                    String id = a.application().status();
                    if (id.equals("ready") || id.equals("issued")) {
                        extra = " Your documents are ready: collect them at the centre with your CNIC.";
                        extraUr = " آپ کی دستاویزات تیار ہیں: شناختی کارڈ کے ساتھ مرکز سے وصول کریں۔";
                    } else if (id.equals("documents-requested")) {
                        extra = " The agency needs more documents: see the tracking page.";
                        extraUr = " ادارے کو مزید دستاویزات درکار ہیں۔";
                    }
                    return Optional.of("Asan Khidmat: your application " + ref + " for " + title + " is now: " + en
                            + "." + extra + "\nآسان خدمت: درخواست " + ref + " کی حیثیت: " + ur + "۔" + extraUr);
                default:
                    return Optional.empty();
            }
        }

        static String subject(Notification n) {
            return "Asan Khidmat: application " + n.reference();
        }
    }
}
