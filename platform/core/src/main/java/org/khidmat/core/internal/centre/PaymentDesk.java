package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.applications.References;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.payment.Charge;
import org.khidmat.api.payment.PaymentProvider;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.Leases;
import org.khidmat.core.internal.config.CentreNode;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.DailyCollection;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.PaymentResult;
import org.khidmat.api.platform.PaymentResult.Outcome;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.metrics.Meter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments: the fee comes from the tier of the descriptor the application was filed under; one payment per
 * application (the store's key), and the provider is asked to start at most once, under a per-reference lock held in
 * the database ({@link DatabaseLocks}), so two nodes behind a balancer never both start a charge for one application.
 * Whether a start answers "started now" ({@code PENDING}, {@code PAID}) or "there was one already"
 * ({@code ALREADY_PENDING}, {@code ALREADY_PAID}) is decided by the store's {@link PaymentStore#add}, in the
 * transaction that keeps one payment per application, so two requests at once never both hear "started now".
 * Providers are tracked by {@code khidmat.payment.provider}.
 */
@Component(service = Payments.class)
public final class PaymentDesk implements Payments {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentDesk.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final Applications applications;
    private final PaymentStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, PaymentProvider> providers = new ConcurrentHashMap<>();
    private final DatabaseLocks locks;
    private volatile Notifications notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;
    private final Meter meter = new Meter(() -> metrics);

    @Activate
    public PaymentDesk(@Reference Applications applications, @Reference PaymentStore store, @Reference AuditLog audit,
            @Reference Leases leases) {
        this(applications, store, audit, Clock.systemUTC(), leases, CentreNode::get);
    }

    /** @param node this node's name (tests stand two nodes in one JVM) */
    PaymentDesk(Applications applications, PaymentStore store, AuditLog audit, Clock clock, Leases leases,
            Supplier<String> node) {
        this.applications = applications;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.locks = new DatabaseLocks(leases, node);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(PaymentProvider provider, Map<String, Object> properties) {
        if (properties.get(PaymentProvider.PROVIDER_ID) instanceof String id) {
            providers.put(id, provider);
        }
    }

    void removeProvider(PaymentProvider provider, Map<String, Object> properties) {
        if (properties.get(PaymentProvider.PROVIDER_ID) instanceof String id) {
            providers.remove(id, provider);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setNotifications(Notifications n) {
        notifications = n;
    }

    void unsetNotifications(Notifications n) {
        if (notifications == n) {
            notifications = null;
        }
    }

    @Override
    public List<String> providers() {
        return providers.keySet().stream().sorted().toList();
    }

    @Override
    public PaymentResult start(String reference, String providerId, String actor) {
        PaymentResult r = begin(reference, providerId, actor);
        meter.count("khidmat_payments_total", "start", Meter.label(r.outcome()));
        return r;
    }

    private PaymentResult begin(String reference, String providerId, String actor) {
        Optional<TrackedApplication> found = applications.open(reference);
        if (found.isEmpty()) {
            return new PaymentResult(Outcome.UNKNOWN_APPLICATION, null, "no application " + reference);
        }
        TrackedApplication t = found.get();
        String ref = t.application().reference();
        try (DatabaseLocks.Held lock = locks.hold("payment:" + ref)) {
            Optional<Payment> existing = store.payment(ref);
            if (existing.isPresent()) {
                return already(existing.get());
            }
            FeeTier tier = t.descriptor().fee(t.application().tier()).orElse(t.descriptor().lowestFee());
            if (tier.amount() == 0) {
                return new PaymentResult(Outcome.NOTHING_TO_PAY, null, "the " + tier.id() + " tier of "
                        + t.descriptor().id() + " is free");
            }
            PaymentProvider provider = providerId == null ? null : providers.get(providerId);
            if (provider == null) {
                return new PaymentResult(Outcome.NOT_POSSIBLE, null, "no payment provider '" + providerId
                        + "'; choose one of " + providers());
            }
            Charge charge;
            try {
                charge = provider.start(ref, tier.amount(), t.descriptor().title().en() + " (" + tier.id() + ")");
            } catch (RuntimeException e) {
                LOG.warn("payment provider {} failed to start {}: {}", providerId, ref, e.toString());
                audit.append(actor, "payment.fail", ref, providerId + " could not start: " + e.getMessage());
                return new PaymentResult(Outcome.PROVIDER_FAILED, null, "the payment provider is not available; try again");
            }
            if (charge == null || charge.status() == Charge.Status.FAILED) {
                audit.append(actor, "payment.fail", ref, providerId + " refused the payment");
                return new PaymentResult(Outcome.PROVIDER_FAILED, null, "the payment provider refused the payment");
            }
            PaymentStore.Added added = store.add(new Payment(ref, t.application().serviceId(), t.application().agency(),
                    tier.id(), tier.amount(), providerId, charge.providerReference(), charge.instructions(),
                    Payment.PENDING, clock.instant(), null, null), AuditNote.of(actor, "payment.start", ref, "PKR "
                    + tier.amount() + " via " + providerId + ", " + charge.providerReference()));
            if (!added.added()) {
                // Another desk stored its payment first (a lock that outlived its lease): the primary key decided.
                LOG.warn("payment of {} was started elsewhere meanwhile; {} {} is not used", ref, providerId,
                        charge.providerReference());
                audit.append(actor, "payment.fail", ref, providerId + " " + charge.providerReference()
                        + " not used: a payment was started elsewhere at the same time");
                return already(added.payment());
            }
            Payment p = added.payment();
            LOG.info("payment of {} started: PKR {} via {}", ref, p.amount(), providerId);
            return charge.status() == Charge.Status.PAID ? paid(p, actor)
                    : new PaymentResult(Outcome.PENDING, p, charge.instructions() == null ? "waiting for the payment"
                            : charge.instructions());
        }
    }

    @Override
    public PaymentResult confirm(String reference, String actor) {
        PaymentResult r = confirmNow(reference, actor);
        meter.count("khidmat_payments_total", "confirm", Meter.label(r.outcome()));
        return r;
    }

    private PaymentResult confirmNow(String reference, String actor) {
        Optional<TrackedApplication> found = applications.open(reference);
        if (found.isEmpty()) {
            return new PaymentResult(Outcome.UNKNOWN_APPLICATION, null, "no application " + reference);
        }
        String ref = found.get().application().reference();
        try (DatabaseLocks.Held lock = locks.hold("payment:" + ref)) {
            Optional<Payment> existing = store.payment(ref);
            if (existing.isEmpty()) {
                return new PaymentResult(Outcome.NOT_POSSIBLE, null, "no payment was started for " + ref);
            }
            Payment p = existing.get();
            if (p.paid()) {
                return alreadyPaid(p);
            }
            PaymentProvider provider = providers.get(p.provider());
            if (provider == null) {
                return new PaymentResult(Outcome.NOT_POSSIBLE, p, "payment provider " + p.provider() + " is not available now");
            }
            Charge charge;
            try {
                charge = provider.confirm(p.providerReference());
            } catch (RuntimeException e) {
                LOG.warn("payment provider {} failed to confirm {}: {}", p.provider(), ref, e.toString());
                return new PaymentResult(Outcome.PROVIDER_FAILED, p, "the payment provider is not available; try again");
            }
            return charge != null && charge.status() == Charge.Status.PAID ? paid(p, actor)
                    : new PaymentResult(Outcome.PENDING, p, "not paid yet");
        }
    }

    private PaymentResult paid(Payment p, String actor) {
        Instant now = clock.instant();
        String receipt = "KR-" + DAY.format(now.atZone(CentreZone.get())) + "-" + p.reference().replace("-", "");
        if (!store.markPaid(p.reference(), now, receipt, AuditNote.of(actor, "payment.paid", p.reference(), "PKR "
                + p.amount() + " via " + p.provider() + ", receipt " + receipt))) {
            return alreadyPaid(store.payment(p.reference()).orElseThrow());
        }
        LOG.info("payment of {} received: PKR {}, receipt {}", p.reference(), p.amount(), receipt);
        Payment stored = store.payment(p.reference()).orElseThrow();
        Notifications n = notifications;
        if (n != null) {
            try {
                applications.open(p.reference()).ifPresent(t -> n.tell(t, "paid"));
            } catch (RuntimeException e) {
                LOG.warn("payments: could not queue the payment message for {}: {}", p.reference(), e.toString());
            }
        }
        return new PaymentResult(Outcome.PAID, stored, "paid; receipt " + receipt);
    }

    /** @return the answer to a start for an application that has a payment already: nothing was started */
    private static PaymentResult already(Payment p) {
        return p.paid() ? alreadyPaid(p) : new PaymentResult(Outcome.ALREADY_PENDING, p,
                "payment already started; nothing new was charged: " + (p.instructions() == null
                        ? "waiting for the payment" : p.instructions()));
    }

    private static PaymentResult alreadyPaid(Payment p) {
        return new PaymentResult(Outcome.ALREADY_PAID, p, "already paid; receipt " + p.receiptNumber()
                + " (nothing was charged again)");
    }

    @Override
    public Optional<Payment> payment(String reference) {
        // the reference in its grouped form is the key: the track page asks this of the application it has just
        // read, and opening it again cost a read of it and of its history
        String ref = References.normalise(reference);
        return ref == null ? Optional.empty() : store.payment(ref);
    }

    @Override
    public List<DailyCollection> reconciliation(LocalDate from, LocalDate to) {
        return reconciliation(null, from, to);
    }

    @Override
    public List<DailyCollection> reconciliation(String centre, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, long[]>> sums = new TreeMap<>();
        for (Payment p : store.paidBetween(centre, from.atStartOfDay(CentreZone.get()).toInstant(),
                to.plusDays(1).atStartOfDay(CentreZone.get()).toInstant())) {
            long[] s = sums.computeIfAbsent(p.paidAt().atZone(CentreZone.get()).toLocalDate(), d -> new TreeMap<>())
                    .computeIfAbsent(p.agency(), a -> new long[2]);
            s[0]++;
            s[1] += p.amount();
        }
        List<DailyCollection> out = new ArrayList<>();
        sums.forEach((day, agencies) -> agencies.forEach((agency, s) ->
                out.add(new DailyCollection(agency, day, (int) s[0], s[1]))));
        return out;
    }
}
