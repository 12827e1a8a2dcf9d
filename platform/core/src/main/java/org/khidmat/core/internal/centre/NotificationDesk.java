package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.khidmat.api.notify.NotificationProvider;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.config.CentreNode;
import org.khidmat.core.internal.metrics.Meter;
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
 * a missing provider) after 5 s, 30 s, 2 min and 10 min before giving up. A caller that stores messages with its own
 * change ({@link #compose}, then {@link #deliver}) makes no write here; the outcomes of the messages sent within
 * {@link #RECORD_EVERY} are recorded in one write.
 * <p>
 * Many nodes share one outbox. A message is sent by the node that holds it: the node that filed it, for
 * {@link NotificationStore#FILED_LEASE} after filing; the node that recorded a failed try, until its retries are due
 * ({@link #HOLD}); else the node that claimed it ({@link NotificationStore#claim}, every {@link #CLAIM_EVERY} and at
 * start, for {@link #CLAIM_LEASE}). A message whose hold has (almost) run out is not tried but left to a claim, so two
 * nodes never send it in the normal case; a node that dies leaves its messages to be claimed by another once their
 * holds end (sent again, under the same message id, if it died between sending and recording).
 * <p>
 * The pieces: {@link MessageTexts} (what messages an event makes), {@link DeliveryAttempt} (one try with a provider),
 * {@link OutboxHolds} (what this node holds, and the outcomes written together); this class runs them on its thread.
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
    /** How often each node claims messages nobody holds (a dead node's, or those queued before a restart). */
    static final Duration CLAIM_EVERY = Duration.ofSeconds(15);
    /** How long a claim holds: longer than a round of sending takes. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
    /** How long a node that recorded failed tries holds those messages: past the longest wait before a retry. */
    static final Duration HOLD = Duration.ofMinutes(11);
    /** A message is not tried when less than this is left of its hold: its outcome could not be recorded in time. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    /** Messages taken in one claim; a full claim is followed by another at once. */
    static final int CLAIM_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDesk.class);
    private final NotificationStore store;
    private final Clock clock;
    private final ChannelProviders providers = new ChannelProviders();
    private final DeliveryAttempt attempts;
    private final OutboxHolds holds;
    private final ScheduledExecutorService executor;
    private final Later later;
    /** Stored messages handed over for delivery, not yet tried. */
    private final Batch<Notification> waiting = new Batch<>();
    private final Supplier<String> node;
    private volatile boolean claiming;

    /** Runs a delivery after a delay, on the sender thread. */
    @FunctionalInterface
    interface Later {
        void after(Duration delay, Runnable work);
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
        startClaiming();
    }

    private NotificationDesk(NotificationStore store, Clock clock, ScheduledExecutorService executor) {
        this(store, clock, executor, (delay, work) -> executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS),
                CentreNode::get);
    }

    NotificationDesk(NotificationStore store, Clock clock, ScheduledExecutorService executor, Later later) {
        this(store, clock, executor, later, CentreNode::get);
    }

    /** @param node this node's name (tests stand two nodes in one JVM) */
    NotificationDesk(NotificationStore store, Clock clock, ScheduledExecutorService executor, Later later,
            Supplier<String> node) {
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.later = later;
        this.node = node;
        this.attempts = new DeliveryAttempt(providers, clock);
        this.holds = new OutboxHolds(store, clock, node, later);
    }

    /** Claims what nobody holds now (what was queued before this start) and again every {@link #CLAIM_EVERY}. */
    void startClaiming() {
        claiming = true;
        later.after(Duration.ZERO, this::claimRound);
    }

    /** One claim: the messages nobody holds become this node's to send; another round follows. */
    void claimRound() {
        int claimed = 0;
        try {
            Instant now = clock.instant();
            Instant until = now.plus(CLAIM_LEASE);
            List<Notification> mine = store.claim(node.get(), now, until, CLAIM_SIZE);
            claimed = mine.size();
            mine.forEach(n -> holds.hold(n.id(), until));
            if (!mine.isEmpty()) {
                LOG.info("notifications: claimed {} queued message(s)", mine.size());
                sendAndRecord(mine);
            }
        } catch (RuntimeException e) {
            LOG.warn("notifications: claiming queued messages failed: {}", e.toString());
        }
        if (claiming) {
            later.after(claimed == CLAIM_SIZE ? Duration.ZERO : CLAIM_EVERY, this::claimRound);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        claiming = false;
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        holds.record();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(NotificationProvider provider, Map<String, Object> properties) {
        providers.add(provider, properties);
    }

    void removeProvider(NotificationProvider provider, Map<String, Object> properties) {
        providers.remove(provider, properties);
    }

    @Override
    public List<Notification> tell(TrackedApplication application, String event) {
        List<Notification> stored = compose(application, event).stream().map(store::add).toList();
        deliver(stored);
        return stored;
    }

    @Override
    public List<Notification> compose(TrackedApplication application, String event) {
        return MessageTexts.compose(application, event, clock.instant());
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
        for (Notification n : stored) {
            holds.hold(n.id(), n.createdAt().plus(NotificationStore.FILED_LEASE));
        }
        if (waiting.add(stored)) {
            later.after(Duration.ZERO, this::sendWaiting);
        }
    }

    /** Sends every message waiting; their outcomes join those to be written (see {@link #RECORD_EVERY}). */
    private void sendWaiting() {
        sendAndRecord(waiting.takeAll());
    }

    /** Tries one delivery of each message, schedules the retries, and gathers the outcomes for one write. */
    private void sendAndRecord(List<Notification> messages) {
        List<Notification> outcomes = new ArrayList<>(messages.size());
        for (Notification n : messages) {
            if (holds.held(n)) {
                outcomes.add(attempts.attempt(n));
            }
        }
        holds.gather(outcomes);
        for (Notification n : outcomes) {
            if (n.state().equals(Notification.SENT)) {
                meter.count("khidmat_notifications_total", n.channel(), "sent");
                // DEBUG: the outbox and the counter keep it; the filing's own INFO line is the business event
                LOG.debug("notifications: message {} about {} sent by {}", n.id(), n.reference(), n.provider());
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

    @Override
    public List<Notification> forReference(String reference) {
        return store.forReference(reference);
    }

    @Override
    public List<Notification> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 1000)));
    }
}
