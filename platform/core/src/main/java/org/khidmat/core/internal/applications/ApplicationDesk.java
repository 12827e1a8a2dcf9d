package org.khidmat.core.internal.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Transition;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Rules;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.api.platform.SubmitResult.Outcome;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.metrics.Meter;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files, tracks and moves applications. Checks answers against the descriptor's field rules, then its rules
 * (expressions, through the rules service), then the service's handler
 * (tracked by {@code khidmat.service.id}), and acknowledges an application only once the store has it.
 */
@Component(service = Applications.class)
public final class ApplicationDesk implements Applications {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationDesk.class);
    private static final int NOTE_LIMIT = 1000;

    /** The CNIC kept for an application filed without one, where its descriptor makes the CNIC optional. */
    private static final String NO_CNIC = "";
    private final ApplicationStore store;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final DescriptorArchive archive;
    private final ApplicationFiler filer;
    /**
     * Handlers by service id, and by the bundle version that registered them: while an update switches over, two
     * versions of a bundle serve the same id, and an application is checked by the version it was filed under.
     */
    private final Map<String, Map<String, ServiceHandler>> handlers = new ConcurrentHashMap<>();
    private volatile Notifications notifications;
    private volatile Rules rules;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;
    private final Meter meter = new Meter(() -> metrics);

    @Activate
    public ApplicationDesk(@Reference ApplicationStore store, @Reference Catalogue catalogue, @Reference AuditLog audit) {
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
        this.archive = new DescriptorArchive(store, catalogue);
        this.filer = new ApplicationFiler(store, new References());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ServiceReference<ServiceHandler> ref, ServiceHandler handler) {
        if (ref.getProperty(ServiceHandler.SERVICE_ID) instanceof String s && ref.getBundle() != null) {
            handlers.computeIfAbsent(s, k -> new ConcurrentHashMap<>()).put(ref.getBundle().getVersion().toString(), handler);
        }
    }

    void removeHandler(ServiceReference<ServiceHandler> ref, ServiceHandler handler) {
        if (ref.getProperty(ServiceHandler.SERVICE_ID) instanceof String s) {
            handlers.computeIfPresent(s, (k, byVersion) -> {
                byVersion.values().remove(handler);
                return byVersion.isEmpty() ? null : byVersion;
            });
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRules(Rules r) {
        rules = r;
    }

    void unsetRules(Rules r) {
        if (rules == r) {
            rules = null;
        }
    }

    /** Tells the applicant; a failure to queue the message is logged and never undoes what was done. */
    private void tell(TrackedApplication now, String event) {
        Notifications n = notifications;
        if (n == null) {
            return;
        }
        try {
            n.tell(now, event);
        } catch (RuntimeException e) {
            LOG.warn("applications: could not queue the {} message for {}: {}", event, now.application().reference(),
                    e.toString());
        }
    }

    /** @return the application as a move left it, from what was read before it: no second read */
    private static TrackedApplication moved(TrackedApplication t, StatusChange change) {
        ApplicationRecord a = t.application();
        List<StatusChange> history = new ArrayList<>(t.history());
        history.add(change);
        return new TrackedApplication(new ApplicationRecord(a.reference(), a.serviceId(), a.descriptorVersion(),
                a.agency(), a.cnic(), a.tier(), a.answers(), change.to(), a.paymentState(), a.createdAt(), change.at()),
                t.descriptor(), List.copyOf(history));
    }

    @Override
    public List<Problem> checkPage(String serviceId, Map<String, String> answers, int page) {
        return catalogue.service(serviceId).map(e -> {
            List<Problem> fields = FormAnswers.check(Applications.questions(e.descriptor()).stream()
                    .filter(f -> f.page() == page).toList(), answers);
            if (!fields.isEmpty()) {
                return fields;
            }
            LocalDate today = LocalDate.now(CentreZone.get());
            List<Problem> ruled = RuleStep.atPage(rules, e.descriptor(), answers, page, today);
            ServiceHandler h = handlers.getOrDefault(serviceId, Map.of()).get(e.bundleVersion());
            return !ruled.isEmpty() || h == null ? ruled : HandlerStep.atPage(h, e.descriptor(), answers, page, today);
        }).orElse(List.of());
    }

    @Override
    public SubmitResult submit(String serviceId, String tier, Map<String, String> answers) {
        SubmitResult r = file(serviceId, tier, answers);
        if (r.outcome() == Outcome.ACCEPTED) {
            meter.count("khidmat_applications_filed_total", serviceId);
        } else {
            // an unknown id is what the client typed: not a label value
            meter.count("khidmat_applications_refused_total", r.outcome() == Outcome.UNKNOWN_SERVICE ? "unknown" : serviceId,
                    Meter.label(r.outcome()));
        }
        return r;
    }

    private SubmitResult file(String serviceId, String tier, Map<String, String> answers) {
        Optional<CatalogueEntry> entry = catalogue.service(serviceId);
        if (entry.isEmpty()) {
            return new SubmitResult(Outcome.UNKNOWN_SERVICE, null, List.of());
        }
        if (!entry.get().enabled()) {
            return new SubmitResult(Outcome.UNAVAILABLE, null, List.of());
        }
        ServiceDescriptor d = entry.get().descriptor();
        List<Field> questions = Applications.questions(d);
        FormAnswers form = FormAnswers.of(d, questions, tier, answers);
        String chosenTier = form.tier();
        Map<String, String> stored = form.stored();
        List<Problem> problems = new ArrayList<>(form.problems());
        if (problems.isEmpty()) {
            Optional<List<Problem>> ruled = RuleStep.atSubmission(rules, d, chosenTier, stored, LocalDate.now(CentreZone.get()));
            if (ruled.isEmpty()) {
                return new SubmitResult(Outcome.UNAVAILABLE, null, List.of());
            }
            problems.addAll(ruled.get());
        }
        if (problems.isEmpty()) {
            Optional<List<Problem>> handled = HandlerStep.atSubmission(
                    handlers.getOrDefault(d.id(), Map.of()).get(entry.get().bundleVersion()), d, chosenTier, stored,
                    LocalDate.now(CentreZone.get()));
            if (handled.isEmpty()) {
                return new SubmitResult(Outcome.UNAVAILABLE, null, List.of());
            }
            problems.addAll(handled.get());
        }
        if (!problems.isEmpty()) {
            return new SubmitResult(Outcome.INVALID, null, List.copyOf(problems));
        }
        String cnic = questions.stream().filter(f -> f.type() == org.khidmat.api.descriptor.FieldType.CNIC)
                .map(f -> stored.get(f.name())).filter(v -> v != null).findFirst().orElse(NO_CNIC);
        String reference = filer.file(d, chosenTier, stored, cnic, notifications);
        return new SubmitResult(Outcome.ACCEPTED, reference, List.of());
    }

    @Override
    public Optional<TrackedApplication> track(String reference, String cnic) {
        String ref = References.normalise(reference);
        String digits = FieldRules.cnicDigits(cnic);
        if (ref == null || digits == null) {
            return Optional.empty();
        }
        return store.find(ref).filter(a -> sameCnic(a.cnic(), digits)).flatMap(this::tracked);
    }

    private static boolean sameCnic(String a, String b) {
        if (a.isEmpty()) {
            return false; // filed without a CNIC (its descriptor made it optional): no CNIC opens it
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<TrackedApplication> open(String reference) {
        String ref = References.normalise(reference);
        return ref == null ? Optional.empty() : store.find(ref).flatMap(this::tracked);
    }

    private Optional<TrackedApplication> tracked(ApplicationRecord a) {
        return archive.find(a.serviceId(), a.descriptorVersion())
                .map(d -> new TrackedApplication(a, d, store.history(a.reference())));
    }

    @Override
    public List<ApplicationRecord> inbox(String agency, String serviceId, String status, int limit) {
        return inbox(agency, serviceId, status, null, limit);
    }

    @Override
    public List<ApplicationRecord> inbox(String agency, String serviceId, String status, InboxCursor after, int limit) {
        return store.page(agency, blankToNull(serviceId), blankToNull(status), after, Math.max(1, Math.min(limit, 500))).stream()
                .map(a -> new ApplicationRecord(a.reference(), a.serviceId(), a.descriptorVersion(), a.agency(),
                        FieldRules.mask(a.cnic()), a.tier(), a.answers(), a.status(), a.paymentState(), a.createdAt(),
                        a.updatedAt()))
                .toList();
    }

    @Override
    public MoveResult move(String reference, String to, String actor, String note) {
        Optional<TrackedApplication> found = open(reference);
        if (found.isEmpty()) {
            return new MoveResult(MoveResult.Outcome.UNKNOWN_APPLICATION, "no application " + reference);
        }
        TrackedApplication t = found.get();
        String from = t.application().status();
        Optional<Transition> move = t.descriptor().workflow().transition(from, to);
        if (move.isEmpty()) {
            List<String> allowed = t.next().stream().map(Transition::to).toList();
            return new MoveResult(MoveResult.Outcome.NOT_ALLOWED, "the workflow of " + t.descriptor().id()
                    + " does not allow " + from + " -> " + to + "; from " + from + " it allows "
                    + (allowed.isEmpty() ? "no move (it is final)" : String.join(", ", allowed)));
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > NOTE_LIMIT) {
            return new MoveResult(MoveResult.Outcome.NOTE_REQUIRED, "the note must be " + NOTE_LIMIT + " characters or fewer");
        }
        if (move.get().noteRequired() && why == null) {
            return new MoveResult(MoveResult.Outcome.NOTE_REQUIRED, "say why in a note: " + from + " -> " + to + " needs one");
        }
        if (t.waitsForPayment(to)) {
            return new MoveResult(MoveResult.Outcome.PAYMENT_DUE, "the fee of " + t.application().reference()
                    + " is not paid yet; it can move to " + to + " once paid (only a refusal can come before payment)");
        }
        String ref = t.application().reference();
        StatusChange change = new StatusChange(ref, Instant.now(), actor, from, to, why);
        if (!store.move(change, AuditNote.of(actor, "application.move", ref, from + " -> " + to))) {
            return new MoveResult(MoveResult.Outcome.CONFLICT, "application " + ref + " was moved by someone else; look again");
        }
        LOG.info("application {} moved {} -> {} by {}", ref, from, to, actor);
        tell(moved(t, change), "status");
        meter.count("khidmat_applications_moved_total", t.descriptor().id());
        return new MoveResult(MoveResult.Outcome.MOVED, "moved " + ref + " from " + from + " to " + to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
