package org.khidmat.core.internal.centre;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.store.RatingStore;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.api.platform.TrackedApplication;

/** In-memory stand-ins for the platform services the centre desks use, with the store's semantics. */
final class Fakes {
    static final String CNIC = "6110112345671";

    private Fakes() {
    }

    static ServiceDescriptor police() {
        try (InputStream in = Fakes.class.getResourceAsStream("/police.json")) {
            return Descriptors.parse(in, "police.json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the same service under another id */
    static ServiceDescriptor renamed(ServiceDescriptor d, String id) {
        return new ServiceDescriptor(id, d.version(), d.agency(), d.category(), d.title(), d.summary(), d.eligibility(),
                d.documents(), d.fees(), d.form(), d.workflow(), d.handler(), d.source());
    }

    /** @return a catalogue of these services, all enabled */
    static Catalogue catalogue(ServiceDescriptor... services) {
        return new Catalogue() {
            @Override
            public List<CatalogueEntry> services() {
                return java.util.Arrays.stream(services).map(d -> new CatalogueEntry(d, "org.example", "1.0.0", true, null))
                        .toList();
            }

            @Override
            public Optional<CatalogueEntry> service(String id) {
                return services().stream().filter(e -> e.id().equals(id)).findFirst();
            }

            @Override
            public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
                throw new UnsupportedOperationException("the test catalogue is fixed");
            }
        };
    }

    /** An application filed at {@code filed}, moved through {@code moves} (state, at) pairs. */
    static TrackedApplication app(ServiceDescriptor d, String ref, Instant filed, Object... moves) {
        List<StatusChange> h = new ArrayList<>();
        h.add(new StatusChange(ref, filed, "citizen", null, d.workflow().initial(), null));
        String state = d.workflow().initial();
        for (int i = 0; i < moves.length; i += 2) {
            h.add(new StatusChange(ref, (Instant) moves[i + 1], "staff", state, (String) moves[i], null));
            state = (String) moves[i];
        }
        ApplicationRecord a = new ApplicationRecord(ref, d.id(), d.version(), d.agency().code(), CNIC,
                d.fees().get(0).id(), Map.of(), state, "none", filed, h.get(h.size() - 1).at());
        return new TrackedApplication(a, d, h);
    }

    /** Applications known by exact reference; track checks the CNIC digits. */
    static final class Apps implements Applications {
        final Map<String, TrackedApplication> byRef = new HashMap<>();
        /** How many times an application was opened (each a read of it and its history in the store). */
        final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();

        Apps add(TrackedApplication t) {
            byRef.put(t.application().reference(), t);
            return this;
        }

        @Override
        public Optional<TrackedApplication> open(String reference) {
            opened.incrementAndGet();
            return Optional.ofNullable(byRef.get(reference));
        }

        @Override
        public Optional<TrackedApplication> track(String reference, String cnic) {
            return open(reference).filter(t -> t.application().cnic().equals(cnic.replace("-", "")));
        }

        @Override
        public List<Problem> checkPage(String serviceId, Map<String, String> answers, int page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SubmitResult submit(String serviceId, String tier, Map<String, String> answers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApplicationRecord> inbox(String agency, String serviceId, String status, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MoveResult move(String reference, String to, String actor, String note) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Audit implements AuditLog {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public AuditEntry append(String actor, String action, String subject, String detail) {
            lines.add(actor + " " + action + " " + subject + " " + detail);
            return AuditEntry.of(lines.size(), Instant.EPOCH, actor, action, subject, detail, "");
        }

        long count(String action) {
            return lines.stream().filter(l -> l.contains(" " + action + " ")).count();
        }

        @Override
        public List<AuditEntry> search(String text, int limit) {
            return List.of();
        }

        @Override
        public List<AuditEntry> actions(String prefix, int limit) {
            return List.of();
        }

        @Override
        public AuditCheck verify() {
            return AuditCheck.of(true, 0, 0, "");
        }

        @Override
        public AuditCheck verifyFrom(long seq) {
            return verify();
        }
    }

    /** Appends a note the way the store writes it with its change. */
    static void append(AuditLog audit, AuditNote note) {
        audit.append(note.actor(), note.action(), note.subject(), note.detail());
    }

    static final class Payments implements PaymentStore {
        final Map<String, Payment> rows = new ConcurrentHashMap<>();
        private final AuditLog audit;

        /** @param audit where the notes given with a change go */
        Payments(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public synchronized Added add(Payment p, AuditNote note) {
            Added added = add(p);
            if (added.added()) {
                append(audit, note);
            }
            return added;
        }

        @Override
        public synchronized boolean markPaid(String reference, Instant paidAt, String receiptNumber, AuditNote note) {
            boolean marked = markPaid(reference, paidAt, receiptNumber);
            if (marked) {
                append(audit, note);
            }
            return marked;
        }

        @Override
        public Added add(Payment p) {
            Payment before = rows.putIfAbsent(p.reference(), p);
            return before == null ? new Added(p, true) : new Added(before, false);
        }

        @Override
        public synchronized boolean markPaid(String reference, Instant paidAt, String receiptNumber) {
            Payment p = rows.get(reference);
            if (p == null || p.paid()) {
                return false;
            }
            rows.put(reference, new Payment(p.reference(), p.serviceId(), p.agency(), p.tier(), p.amount(), p.provider(),
                    p.providerReference(), p.instructions(), Payment.PAID, p.startedAt(), paidAt, receiptNumber));
            return true;
        }

        @Override
        public Optional<Payment> payment(String reference) {
            return Optional.ofNullable(rows.get(reference));
        }

        @Override
        public List<Payment> paidBetween(Instant from, Instant to) {
            return rows.values().stream().filter(p -> p.paid() && !p.paidAt().isBefore(from) && p.paidAt().isBefore(to))
                    .sorted(Comparator.comparing(Payment::paidAt)).toList();
        }
    }

    /** Queues of every centre, as one shared database holds them. */
    static final class Queue implements QueueStore {
        final List<QueueToken> tokens = new ArrayList<>();
        private final AuditLog audit;

        Queue() {
            this(new Audit());
        }

        /** @param audit where the notes given with a take go */
        Queue(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public synchronized QueueToken take(String centre, LocalDate day, String serviceId, String category,
                String reference, String appointment, Instant at, java.util.function.Function<QueueToken, AuditNote> note) {
            QueueToken t = take(centre, day, serviceId, category, reference, appointment, at);
            append(audit, note.apply(t));
            return t;
        }
        final Map<Long, String> centreOf = new HashMap<>();
        final Map<String, String> letters = new HashMap<>();
        final Map<String, Map<Integer, Counter>> counters = new HashMap<>();

        private synchronized Map<Integer, Counter> countersOf(String centre) {
            return counters.computeIfAbsent(centre, k -> {
                Map<Integer, Counter> six = new java.util.TreeMap<>();
                for (int i = 1; i <= 6; i++) {
                    six.put(i, new Counter(i, List.of(), true));
                }
                return six;
            });
        }

        @Override
        public synchronized QueueToken take(String centre, LocalDate day, String serviceId, String category,
                String reference, String appointment, Instant at) {
            String letter = letters.computeIfAbsent(category, c -> String.valueOf((char) ('A' + letters.size())));
            long seq = tokens.stream().filter(t -> centre.equals(centreOf.get(t.id())) && t.day().equals(day)
                    && t.number().startsWith(letter + "-")).count() + 1;
            QueueToken t = new QueueToken(tokens.size() + 1, day, letter + "-" + String.format("%03d", seq), serviceId,
                    category, reference, QueueToken.WAITING, 0, at, null, null, appointment);
            tokens.add(t);
            centreOf.put(t.id(), centre);
            return t;
        }

        @Override
        public synchronized Optional<QueueToken> callNext(String centre, LocalDate day, Collection<String> categories,
                int counter, Instant at) {
            Optional<QueueToken> next = tokens.stream().filter(t -> centre.equals(centreOf.get(t.id()))
                    && t.day().equals(day) && QueueToken.WAITING.equals(t.state())
                    && (categories.isEmpty() || categories.contains(t.category())))
                    .min(Comparator.comparing((QueueToken t) -> t.appointment() == null).thenComparing(QueueToken::takenAt)
                            .thenComparing(QueueToken::id));
            return next.map(t -> replace(new QueueToken(t.id(), t.day(), t.number(), t.serviceId(), t.category(),
                    t.reference(), QueueToken.CALLED, counter, t.takenAt(), at, null, t.appointment())));
        }

        @Override
        public synchronized Optional<QueueToken> finish(long id, String state, Instant at) {
            QueueToken t = tokens.get((int) id - 1);
            if (!QueueToken.CALLED.equals(t.state())) {
                return Optional.empty();
            }
            return Optional.of(replace(new QueueToken(t.id(), t.day(), t.number(), t.serviceId(), t.category(),
                    t.reference(), state, t.counter(), t.takenAt(), t.calledAt(), at, t.appointment())));
        }

        @Override
        public synchronized Optional<QueueToken> token(long id) {
            return id < 1 || id > tokens.size() ? Optional.empty() : Optional.of(tokens.get((int) id - 1));
        }

        @Override
        public synchronized boolean attach(long id, String reference) {
            Optional<QueueToken> found = token(id);
            found.ifPresent(t -> replace(new QueueToken(t.id(), t.day(), t.number(), t.serviceId(), t.category(), reference,
                    t.state(), t.counter(), t.takenAt(), t.calledAt(), t.finishedAt(), t.appointment())));
            return found.isPresent();
        }

        private QueueToken replace(QueueToken t) {
            tokens.set((int) t.id() - 1, t);
            return t;
        }

        @Override
        public synchronized List<QueueToken> tokens(String centre, LocalDate from, LocalDate to) {
            dayReads++;
            return tokens.stream().filter(t -> (centre == null || centre.equals(centreOf.get(t.id()))) && !t.day().isBefore(from)
                    && !t.day().isAfter(to)).toList();
        }

        /** Reads of whole days of tokens ({@link #tokens}); a place and a count read by index in the real store. */
        int dayReads;

        @Override
        public synchronized org.khidmat.api.platform.Queue.Place place(String centre, QueueToken token) {
            return org.khidmat.api.platform.Queue.Place.in(token, tokens.stream()
                    .filter(t -> centre.equals(centreOf.get(t.id())) && t.day().equals(token.day())).toList());
        }

        @Override
        public synchronized int waiting(String centre, LocalDate day, String category) {
            return (int) tokens.stream().filter(t -> centre.equals(centreOf.get(t.id())) && t.day().equals(day)
                    && QueueToken.WAITING.equals(t.state()) && category.equals(t.category())).count();
        }

        @Override
        public synchronized List<QueueToken> recentlyServed(String serviceId, int limit) {
            return tokens.stream().filter(t -> t.serviceId().equals(serviceId) && QueueToken.SERVED.equals(t.state()))
                    .sorted(Comparator.comparing(QueueToken::finishedAt).reversed()).limit(limit).toList();
        }

        @Override
        public synchronized List<Counter> counters(String centre) {
            return List.copyOf(countersOf(centre).values());
        }

        @Override
        public synchronized void saveCounter(String centre, Counter counter) {
            countersOf(centre).put(counter.number(), counter);
        }
    }

    /** Signals between desks in one JVM, delivered at once to every subscriber but the publisher's own. */
    static final class Signals {
        private final List<Object[]> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
        int published;

        /** @return the node's view of the signals */
        org.khidmat.api.store.CentreEvents node() {
            Object me = new Object();
            return new org.khidmat.api.store.CentreEvents() {
                @Override
                public void publish(String centre, String event) {
                    published++;
                    for (Object[] s : subscribers) {
                        if (s[0] != me && s[1].equals(centre)) {
                            @SuppressWarnings("unchecked")
                            java.util.function.Consumer<String> l = (java.util.function.Consumer<String>) s[2];
                            l.accept(event);
                        }
                    }
                }

                @Override
                public AutoCloseable subscribe(String centre, java.util.function.Consumer<String> listener) {
                    Object[] s = {me, centre, listener};
                    subscribers.add(s);
                    return () -> subscribers.remove(s);
                }
            };
        }
    }

    static final class RatingRows implements RatingStore {
        final Map<String, Rating> rows = new java.util.LinkedHashMap<>();
        private final AuditLog audit;

        /** @param audit where the notes given with a change go */
        RatingRows(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public synchronized boolean addIfAbsent(Rating rating, AuditNote note) {
            boolean added = addIfAbsent(rating);
            if (added) {
                append(audit, note);
            }
            return added;
        }

        @Override
        public synchronized boolean addIfAbsent(Rating rating) {
            return rows.putIfAbsent(rating.reference(), rating) == null;
        }

        @Override
        public Optional<Rating> rating(String reference) {
            return Optional.ofNullable(rows.get(reference));
        }

        @Override
        public List<Rating> ratings() {
            return List.copyOf(rows.values());
        }
    }
}
