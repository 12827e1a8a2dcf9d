package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.store.CentreEvents;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.TrackedApplication;
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
 * The hall's queue of the centre this node serves ({@link org.khidmat.api.platform.Centre#id()}). Tokens are per
 * centre and day in the centre's time zone; a counter calls the oldest waiting token of a category it serves.
 * Counters live in the store, per centre. Every change is told to this node's listeners at once and, through
 * {@link CentreEvents}, to the other nodes of the centre, whose listeners (the hall screens) then read the queue.
 */
@Component(service = Queue.class)
public final class QueueDesk implements Queue {
    /** Served tokens of a service looked at for its service time. */
    static final int RECENT = 20;
    /** The signal of a change to the queue, to the centre's other nodes. */
    static final String QUEUE_EVENT = "queue";
    private static final Logger LOG = LoggerFactory.getLogger(QueueDesk.class);
    private final QueueStore store;
    private final Catalogue catalogue;
    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;
    private final Meter meter = new Meter(() -> metrics);
    /** The centre's id: its tokens, counters and signals. */
    private final String site;
    private final QueueSignal signal;
    private final AutoCloseable subscription;
    /** The centre as a metric label. */
    private final String centre;

    @Activate
    public QueueDesk(@Reference Centre centre, @Reference CentreEvents events, @Reference QueueStore store,
            @Reference Catalogue catalogue, @Reference Applications applications, @Reference AuditLog audit) {
        this(centre.id(), events, store, catalogue, applications, audit, Clock.systemUTC());
    }

    /** For tests: the default centre, alone. */
    QueueDesk(QueueStore store, Catalogue catalogue, Applications applications, AuditLog audit, Clock clock) {
        this(Centre.DEFAULT_ID, NO_EVENTS, store, catalogue, applications, audit, clock);
    }

    QueueDesk(String site, CentreEvents events, QueueStore store, Catalogue catalogue, Applications applications,
            AuditLog audit, Clock clock) {
        this.site = site;
        this.centre = Meter.centre(site);
        this.signal = new QueueSignal(events, site, QUEUE_EVENT);
        this.store = store;
        this.catalogue = catalogue;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
        this.subscription = events.subscribe(site, event -> tellListeners());
    }

    /** Signals to nobody: a node alone. */
    static final CentreEvents NO_EVENTS = new CentreEvents() {
        @Override
        public void publish(String centre, String event) {
        }

        @Override
        public AutoCloseable subscribe(String centre, java.util.function.Consumer<String> listener) {
            return () -> { };
        }
    };

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
        signal.close();
    }

    private LocalDate day() {
        return clock.instant().atZone(CentreZone.get()).toLocalDate();
    }

    @Override
    public QueueToken take(String serviceId, String reference) {
        CatalogueEntry entry = catalogue.service(serviceId)
                .orElseThrow(() -> new NoSuchElementException("no service " + serviceId + " in this centre"));
        if (!entry.enabled()) {
            throw new IllegalStateException("service " + serviceId + " is not available now"
                    + (entry.disabledReason() == null ? "" : ": " + entry.disabledReason()));
        }
        String ref = null;
        if (reference != null && !reference.isBlank()) {
            // an unknown reference and another service's read the same: the kiosk asks no CNIC, so it must not tell
            // a stranger whether a reference exists or what it is for
            TrackedApplication app = applications.open(reference).filter(a -> a.application().serviceId().equals(serviceId))
                    .orElseThrow(() -> new IllegalArgumentException("no application " + reference + " for this service"));
            ref = app.application().reference();
        }
        String detail = serviceId + (ref == null ? "" : ", " + ref);
        // the token and its audit entry in one transaction, the number drawn last in it: one commit a take
        QueueToken t = store.take(site, day(), serviceId, entry.descriptor().category(), ref, null, clock.instant(),
                token -> AuditNote.of("citizen", "queue.take", token.number(), detail));
        meter.count("khidmat_queue_tokens_taken_total", centre);
        changed();
        LOG.info("token {} taken for {}", t.number(), serviceId);
        return t;
    }

    @Override
    public Optional<QueueToken> callNext(int counter, String actor) {
        Optional<Counter> c = store.counters(site).stream().filter(x -> x.number() == counter && x.open()).findFirst();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<QueueToken> called = store.callNext(site, day(), c.get().categories(), counter, clock.instant());
        called.ifPresent(t -> {
            audit.append(actor, "queue.call", t.number(), "counter " + counter);
            LOG.info("token {} called to counter {}", t.number(), counter);
            if (t.takenAt() != null && t.calledAt() != null) {
                meter.observe("khidmat_queue_wait_seconds", Duration.between(t.takenAt(), t.calledAt()).toMillis() / 1e3, centre);
            }
            changed();
        });
        return called;
    }

    @Override
    public Optional<QueueToken> finish(long tokenId, boolean served, String actor) {
        if (!ours(tokenId)) {
            return Optional.empty();
        }
        Optional<QueueToken> done = store.finish(tokenId, served ? QueueToken.SERVED : QueueToken.NO_SHOW, clock.instant());
        done.ifPresent(t -> {
            audit.append(actor, served ? "queue.served" : "queue.no-show", t.number(), "counter " + t.counter());
            changed();
        });
        return done;
    }

    /** @return whether the token is of this centre: a counter never finishes or ties another centre's token */
    private boolean ours(long tokenId) {
        Optional<QueueToken> t = store.token(tokenId);
        return t.isPresent() && store.tokens(site, t.get().day(), t.get().day()).stream().anyMatch(x -> x.id() == tokenId);
    }

    @Override
    public Optional<QueueToken> token(long id) {
        return store.token(id);
    }

    @Override
    public Optional<QueueToken> attach(long tokenId, String reference, String actor) {
        Optional<String> ref = applications.open(reference).map(t -> t.application().reference());
        if (ref.isEmpty() || !ours(tokenId) || !store.attach(tokenId, ref.get())) {
            return Optional.empty();
        }
        Optional<QueueToken> t = store.token(tokenId);
        t.ifPresent(x -> audit.append(actor, "queue.attach", x.number(), ref.get()));
        changed();
        return t;
    }

    @Override
    public QueueToken checkIn(String serviceId, String reference, String appointment) {
        String category = catalogue.service(serviceId).map(e -> e.descriptor().category()).orElse(serviceId);
        QueueToken t = store.take(site, day(), serviceId, category, reference, appointment, clock.instant(),
                token -> AuditNote.of("citizen", "queue.take", token.number(), serviceId + ", appointment " + appointment));
        meter.count("khidmat_queue_tokens_taken_total", centre);
        changed();
        return t;
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        tellListeners();
        signal.changed();
    }

    private void tellListeners() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("queue listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public List<QueueToken> today() {
        LocalDate day = day();
        return store.tokens(site, day, day);
    }

    @Override
    public Optional<Duration> estimatedWait(String serviceId) {
        Optional<String> category = catalogue.service(serviceId).map(e -> e.descriptor().category());
        if (category.isEmpty()) {
            return Optional.empty();
        }
        String cat = category.get();
        int counters = (int) store.counters(site).stream().filter(c -> c.open() && c.serves(cat)).count();
        int ahead = store.waiting(site, day(), cat); // counted by index, not today's tokens
        List<Duration> times = store.recentlyServed(serviceId, RECENT).stream()
                .filter(t -> t.calledAt() != null && t.finishedAt() != null)
                .map(t -> Duration.between(t.calledAt(), t.finishedAt())).toList();
        return WaitEstimate.of(times, ahead, counters);
    }

    /** Two counts by index in the store, not today's tokens: the token page asks on every refresh. */
    @Override
    public Place place(QueueToken token) {
        return store.place(site, token);
    }

    @Override
    public List<Counter> counters() {
        return store.counters(site);
    }

    @Override
    public void saveCounter(Counter counter, String actor) {
        if (counter.number() < 1) {
            throw new IllegalArgumentException("counter numbers start at 1, not " + counter.number());
        }
        store.saveCounter(site, new Counter(counter.number(), List.copyOf(counter.categories()), counter.open()));
        audit.append(actor, "queue.counter", "counter " + counter.number(), (counter.open() ? "open" : "closed")
                + ", serves " + (counter.categories().isEmpty() ? "every category" : String.join(", ", counter.categories())));
        changed();
    }
}
