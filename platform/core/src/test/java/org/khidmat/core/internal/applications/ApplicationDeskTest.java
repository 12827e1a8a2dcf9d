package org.khidmat.core.internal.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.rules.internal.CelRules;

/** The desk with an in-memory store and catalogue: filing, tracking, moving, and an archived descriptor version. */
class ApplicationDeskTest {
    private final Map<String, ApplicationRecord> apps = new LinkedHashMap<>();
    private final List<StatusChange> history = new ArrayList<>();
    private final Map<String, String> archive = new LinkedHashMap<>();
    private final List<String> audit = new ArrayList<>();
    private final Map<String, CatalogueEntry> served = new LinkedHashMap<>();
    /** The store's calls during a test, by kind: what one filing costs. */
    private final List<String> reads = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    /** The messages stored with their application, and those handed to the sender. */
    private final List<Notification> outbox = new ArrayList<>();
    private final List<Notification> delivered = new ArrayList<>();
    /** How many more filings find their reference taken. */
    private int collisions;
    private final ApplicationDesk desk = new ApplicationDesk(store(), catalogue(), auditLog());

    ApplicationDeskTest() throws Exception {
        ServiceDescriptor d = read("/police.json");
        served.put(d.id(), new CatalogueEntry(d, "org.example", "1.0.0", true, null));
        try (InputStream in = getClass().getResourceAsStream("/police.json")) {
            archive.put(d.id() + "@" + d.version(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private ServiceDescriptor read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return Descriptors.parse(in, resource);
        }
    }

    private static Map<String, String> good() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("cnic", "61101-1234567-1");
        a.put("purpose", "visa");
        return a;
    }

    @Test
    void aServiceWhoseCnicIsOptionalTakesAnApplicationWithoutOneAndNeverThrows() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/police.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String optional = json.replace("\"label\": { \"en\": \"CNIC number\", \"ur\": \"شناختی کارڈ نمبر\" }, \"required\": true",
                "\"label\": { \"en\": \"CNIC number\", \"ur\": \"شناختی کارڈ نمبر\" }, \"required\": false");
        assertFalse(optional.equals(json), "the test descriptor's CNIC is made optional");
        ServiceDescriptor d = Descriptors.parse(new java.io.ByteArrayInputStream(optional.getBytes(StandardCharsets.UTF_8)),
                "optional.json");
        served.put(d.id(), new CatalogueEntry(d, "org.example", "1.0.0", true, null));
        Map<String, String> noCnic = new LinkedHashMap<>(good());
        noCnic.remove("cnic");
        SubmitResult r = desk.submit("police.cert", null, noCnic);
        assertTrue(r.accepted(), "the validator found nothing missing, so the desk files it: " + r);
        assertEquals("", apps.get(r.reference()).cnic(), "no CNIC stored, none made up");
        assertTrue(desk.track(r.reference(), "").isEmpty(), "and it cannot be tracked by a blank CNIC");
    }

    /**
     * A filing is an audit entry (with its request id), not a log line: at 7,000 filings a second an INFO line each
     * filled the 50 MB of rotated logs in under a minute, pushing out every warning, and was a tenth of the HTTP
     * threads' time (issue 16 profile). It stays at DEBUG for whoever turns it on.
     */
    @Test
    void aFilingWritesNoLineAtInfo() {
        java.util.logging.Logger filer = java.util.logging.Logger.getLogger(ApplicationFiler.class.getName());
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
        catcher.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Level was = filer.getLevel();
        filer.setLevel(java.util.logging.Level.ALL);
        filer.addHandler(catcher);
        try {
            SubmitResult r = desk.submit("police.cert", null, good());
            assertTrue(r.accepted(), r.toString());
            assertTrue(lines.stream().anyMatch(l -> l.getMessage().contains("filed for")),
                    "the line is still there at DEBUG: " + lines);
            assertEquals(List.of(), lines.stream().filter(l -> l.getLevel().intValue() >= java.util.logging.Level.INFO.intValue())
                    .map(java.util.logging.LogRecord::getMessage).toList());
            assertTrue(audit.stream().anyMatch(a -> a.contains(r.reference())), "the audit log has the filing: " + audit);
        } finally {
            filer.removeHandler(catcher);
            filer.setLevel(was);
        }
    }

    @Test
    void filesTracksAndMoves() {
        SubmitResult r = desk.submit("police.cert", null, good());
        assertTrue(r.accepted(), r.toString());
        ApplicationRecord a = apps.get(r.reference());
        assertEquals("6110112345671", a.cnic());
        assertEquals("6110112345671", a.answers().get("cnic"), "CNIC answers are stored as digits");
        assertEquals("normal", a.tier());
        assertEquals("submitted", a.status());
        assertEquals("due", a.paymentState(), "the tier costs PKR 500");
        assertFalse(String.join("\n", audit).contains("6110112345671"));

        assertTrue(desk.track(r.reference(), "6110112345671").isPresent());
        assertTrue(desk.track(r.reference().replace("-", "").toLowerCase(), "61101-1234567-1").isPresent());
        assertTrue(desk.track(r.reference(), "61101-1234567-2").isEmpty());

        assertEquals(MoveResult.Outcome.NOT_ALLOWED, desk.move(r.reference(), "done", "staff", null).outcome());
        assertEquals(MoveResult.Outcome.NOTE_REQUIRED, desk.move(r.reference(), "rejected", "staff", " ").outcome());
        MoveResult unpaid = desk.move(r.reference(), "review", "staff", "looks fine");
        assertEquals(MoveResult.Outcome.PAYMENT_DUE, unpaid.outcome());
        assertTrue(unpaid.message().contains("not paid yet"), unpaid.message());
        paid(r.reference());
        assertEquals(MoveResult.Outcome.MOVED, desk.move(r.reference(), "review", "staff", "looks fine").outcome());
        assertEquals(List.of("submitted", "review"), history.stream().map(StatusChange::to).toList());
        assertEquals("looks fine", history.get(1).note());
        assertEquals(MoveResult.Outcome.MOVED, desk.move(r.reference(), "done", "staff", null).outcome());
        assertEquals(MoveResult.Outcome.NOT_ALLOWED, desk.move(r.reference(), "review", "staff", null).outcome(), "done is final");
        assertEquals("61101-*******-1", desk.inbox("police", null, null, 10).get(0).cnic());
    }

    @Test
    void anUnpaidApplicationCanBeRefusedButNotProcessed() {
        String ref = desk.submit("police.cert", null, good()).reference();
        assertEquals(MoveResult.Outcome.PAYMENT_DUE, desk.move(ref, "review", "staff", null).outcome());
        assertEquals(MoveResult.Outcome.MOVED, desk.move(ref, "rejected", "staff", "documents forged").outcome(),
                "a refusal needs no payment");
    }

    private void paid(String reference) {
        ApplicationRecord a = apps.get(reference);
        apps.put(reference, new ApplicationRecord(a.reference(), a.serviceId(), a.descriptorVersion(), a.agency(), a.cnic(),
                a.tier(), a.answers(), a.status(), "paid", a.createdAt(), a.updatedAt()));
    }

    @Test
    void refusesBadSubmissionsAndStoresNothing() {
        Map<String, String> bad = good();
        bad.put("cnic", "123");
        bad.put("extra", "x");
        SubmitResult r = desk.submit("police.cert", null, bad);
        assertEquals(SubmitResult.Outcome.INVALID, r.outcome());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertEquals(SubmitResult.Outcome.UNKNOWN_SERVICE, desk.submit("police.none", null, good()).outcome());
        assertEquals(SubmitResult.Outcome.INVALID, desk.submit("police.cert", "overnight", good()).outcome());
        served.put("police.cert", new CatalogueEntry(served.get("police.cert").descriptor(), "org.example", "1.0.0", false, "down"));
        assertEquals(SubmitResult.Outcome.UNAVAILABLE, desk.submit("police.cert", null, good()).outcome());
        assertTrue(apps.isEmpty());
    }

    @Test
    void theHandlerAddsItsRules() {
        ServiceHandler h = s -> "study".equals(s.answer("purpose")) ? List.of(Problem.of("purpose", "Not for study", null)) : List.of();
        desk.addHandler(handlerRef("police.cert", "1.0.0"), h);
        Map<String, String> a = good();
        a.put("purpose", "study");
        SubmitResult r = desk.submit("police.cert", null, a);
        assertEquals(List.of(Problem.of("purpose", "Not for study", null)), r.problems());
        desk.removeHandler(handlerRef("police.cert", "1.0.0"), h);
        assertTrue(desk.submit("police.cert", null, a).accepted());
    }

    @Test
    void aHandlersRuleIsCheckedOnThePageThatAsksItsQuestion() {
        ServiceHandler h = s -> "study".equals(s.answer("purpose")) ? List.of(Problem.of("purpose", "Not for study", null)) : List.of();
        desk.addHandler(handlerRef("police.cert", "1.0.0"), h);
        Map<String, String> a = good();
        a.put("purpose", "study");
        assertEquals(List.of(Problem.of("purpose", "Not for study", null)), desk.checkPage("police.cert", a, 2),
                "on the page that asks the purpose, not only after Accept and send");
        assertEquals(List.of(), desk.checkPage("police.cert", a, 1), "not on a page that does not ask it");
        desk.removeHandler(handlerRef("police.cert", "1.0.0"), h);
        ServiceHandler partial = s -> {
            if (s.answer("purpose").isEmpty()) {
                throw new IllegalStateException("reads the purpose, which page 1 does not ask");
            }
            return List.of(Problem.of("cnic", "at submission", null));
        };
        desk.addHandler(handlerRef("police.cert", "1.0.0"), partial);
        assertEquals(List.of(), desk.checkPage("police.cert", Map.of("cnic", "61101-1234567-1"), 1),
                "a handler that fails on a partial form says nothing on the page");
        desk.removeHandler(handlerRef("police.cert", "1.0.0"), partial);
    }

    @Test
    void duringAnUpdateTheVersionListedChecksAndAFailedNewVersionLeavesTheOldHandler() {
        ServiceHandler old = s -> List.of(Problem.of("purpose", "old rules", null));
        ServiceHandler next = s -> List.of(Problem.of("purpose", "new rules", null));
        desk.addHandler(handlerRef("police.cert", "1.0.0"), old);
        desk.addHandler(handlerRef("police.cert", "1.1.0"), next); // started beside it, not yet listed
        assertEquals("old rules", desk.submit("police.cert", null, good()).problems().get(0).en());
        desk.removeHandler(handlerRef("police.cert", "1.1.0"), next); // the new version failed its checks
        assertEquals("old rules", desk.submit("police.cert", null, good()).problems().get(0).en(),
                "the version still listed keeps its handler");
        desk.addHandler(handlerRef("police.cert", "1.1.0"), next);
        served.put("police.cert", new CatalogueEntry(served.get("police.cert").descriptor(), "org.example", "1.1.0", true, null));
        assertEquals("new rules", desk.submit("police.cert", null, good()).problems().get(0).en());
    }

    /** A service reference as the framework hands it to the desk: the service id, and the registering bundle's version. */
    @SuppressWarnings("unchecked")
    private static org.osgi.framework.ServiceReference<ServiceHandler> handlerRef(String serviceId, String version) {
        org.osgi.framework.Bundle bundle = (org.osgi.framework.Bundle) java.lang.reflect.Proxy.newProxyInstance(
                ApplicationDeskTest.class.getClassLoader(), new Class<?>[] {org.osgi.framework.Bundle.class},
                (p, m, args) -> "getVersion".equals(m.getName()) ? org.osgi.framework.Version.parseVersion(version) : null);
        return (org.osgi.framework.ServiceReference<ServiceHandler>) java.lang.reflect.Proxy.newProxyInstance(
                ApplicationDeskTest.class.getClassLoader(), new Class<?>[] {org.osgi.framework.ServiceReference.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getProperty" -> ServiceHandler.SERVICE_ID.equals(args[0]) ? serviceId : null;
                    case "getBundle" -> bundle;
                    default -> null;
                });
    }

    @Test
    void aWithdrawnServiceStaysTrackableAndProcessable() {
        String ref = desk.submit("police.cert", null, good()).reference();
        paid(ref);
        served.clear();
        assertEquals("submitted", desk.track(ref, "6110112345671").orElseThrow().application().status());
        assertTrue(desk.move(ref, "review", "staff", null).moved(), "read from the archived descriptor");
    }

    @Test
    void theDescriptorsRulesGiveTheirMessagesOnTheirFieldsAtTheirPageAndAtSubmission() throws Exception {
        ServiceDescriptor d = read("/police-rules.json");
        served.put(d.id(), new CatalogueEntry(d, "org.example", "1.0.0", true, null));
        desk.setRules(new CelRules());
        String minor = LocalDate.now(ZoneId.of("Asia/Karachi")).minusYears(18).plusDays(1).toString();
        Map<String, String> a = new LinkedHashMap<>(Map.of("cnic", "61101-1234567-1", "dateOfBirth", minor, "destination", "il"));
        Problem adult = Problem.of("dateOfBirth", "You must be 18 or over", "عمر 18 سال یا زائد ہونی چاہیے");
        Problem refused = Problem.of("destination", "Certificates are not issued for this country",
                "اس ملک کے لیے سرٹیفکیٹ جاری نہیں ہوتا");
        assertEquals(List.of(adult), desk.checkPage(d.id(), Map.of("cnic", "61101-1234567-1", "dateOfBirth", minor), 1),
                "the first page's rule on the first page");
        assertEquals(List.of(refused), desk.checkPage(d.id(), a, 2), "the second page's rule on the second page only");
        SubmitResult r = desk.submit(d.id(), null, a);
        assertEquals(SubmitResult.Outcome.INVALID, r.outcome());
        assertEquals(List.of(adult, refused), r.problems());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Karachi"));
        a.put("dateOfBirth", today.minusYears(21).plusDays(1).toString());
        a.put("destination", "sa");
        assertEquals(List.of(), desk.checkPage(d.id(), a, 2), "a rule whose message belongs on page 1 is not shown on page 2");
        assertEquals(List.of(Problem.of("dateOfBirth", "For Saudi Arabia you must be 21 or over",
                "سعودی عرب کے لیے عمر 21 سال یا زائد ہونی چاہیے")), desk.submit(d.id(), null, a).problems(),
                "but it is checked at submission, on its first field");
        a.put("dateOfBirth", today.minusYears(21).toString());
        assertTrue(desk.submit(d.id(), null, a).accepted(), "21 today, and a country that is not refused");
    }

    @Test
    void aServiceWithRulesIsUnavailableWithoutTheRulesService() throws Exception {
        ServiceDescriptor d = read("/police-rules.json");
        served.put(d.id(), new CatalogueEntry(d, "org.example", "1.0.0", true, null));
        Map<String, String> a = Map.of("cnic", "61101-1234567-1", "dateOfBirth", "1990-01-01", "destination", "sa");
        assertEquals(SubmitResult.Outcome.UNAVAILABLE, desk.submit(d.id(), null, a).outcome(), "never filed unchecked");
        assertTrue(desk.submit("police.cert", null, good()).accepted(), "a service without rules needs no rules service");
        assertTrue(apps.values().stream().noneMatch(x -> x.serviceId().equals(d.id())));
    }

    @Test
    void filingIsOneStoreWriteWithItsMessagesAndNoRead() {
        desk.setNotifications(notifications());
        SubmitResult r = desk.submit("police.cert", null, good());
        assertTrue(r.accepted(), r.toString());
        assertEquals(List.of("file " + r.reference()), writes, "the application, its history, audit entry and message"
                + " in one write");
        assertEquals(List.of(), reads, "no read before or after: the reference's uniqueness is the store's, the message"
                + " is composed from what the desk has in hand");
        assertEquals(1, outbox.size());
        assertEquals(r.reference(), outbox.get(0).reference());
        assertTrue(outbox.get(0).text().contains(r.reference()), outbox.get(0).text());
        assertEquals(outbox, delivered, "the stored message, with its id, handed to the sender");
        assertTrue(outbox.get(0).id() > 0);
    }

    @Test
    void aTakenReferenceIsDrawnAgainAndItsMessageSaysTheNewOne() {
        desk.setNotifications(notifications());
        collisions = 2;
        SubmitResult r = desk.submit("police.cert", null, good());
        assertTrue(r.accepted(), r.toString());
        assertEquals(3, writes.size(), "two refused, the third stored: " + writes);
        assertEquals("file " + r.reference(), writes.get(2));
        assertTrue(apps.containsKey(r.reference()));
        assertEquals(1, apps.size());
        assertTrue(outbox.get(0).text().contains(r.reference()), "the message names the reference stored");
        assertEquals(1, audit.size(), "one audit entry, for the application stored: " + audit);
    }

    @Test
    void whenEveryReferenceDrawnIsTakenNothingIsFiledAndTheCallerIsTold() {
        collisions = 1000;
        org.junit.jupiter.api.Assertions.assertThrows(org.khidmat.api.platform.StoreException.class,
                () -> desk.submit("police.cert", null, good()));
        assertTrue(apps.isEmpty());
    }

    @Test
    void aMoveReadsTheApplicationOnceAndTellsTheCitizenFromWhatItHas() {
        List<TrackedApplication> told = new ArrayList<>();
        Notifications n = notifications();
        desk.setNotifications(new Notifications() {
            @Override
            public List<Notification> tell(TrackedApplication application, String event) {
                told.add(application);
                return n.tell(application, event);
            }

            @Override
            public List<Notification> compose(TrackedApplication application, String event) {
                return n.compose(application, event);
            }

            @Override
            public void deliver(List<Notification> stored) {
                n.deliver(stored);
            }

            @Override
            public List<Notification> forReference(String reference) {
                return List.of();
            }

            @Override
            public List<Notification> recent(int limit) {
                return List.of();
            }
        });
        String ref = desk.submit("police.cert", null, good()).reference();
        paid(ref);
        reads.clear();
        assertTrue(desk.move(ref, "review", "staff", "looks fine").moved());
        assertEquals(1, reads.stream().filter(r -> r.startsWith("find ")).count(), "read once, to check the move: " + reads);
        assertEquals(1, told.size());
        assertEquals("review", told.get(0).application().status(), "the message tells the new state");
        assertEquals(List.of("submitted", "review"), told.get(0).history().stream().map(StatusChange::to).toList());
    }

    private Notifications notifications() {
        return new Notifications() {
            @Override
            public List<Notification> tell(TrackedApplication application, String event) {
                List<Notification> composed = compose(application, event);
                writes.add("tell " + application.application().reference());
                outbox.addAll(composed);
                return composed;
            }

            @Override
            public List<Notification> compose(TrackedApplication application, String event) {
                String ref = application.application().reference();
                return List.of(new Notification(0, ref, event, "sms", "03001234567", "received " + ref + " for "
                        + application.descriptor().title().en(), Notification.QUEUED, null, null, 0, Instant.now(), null,
                        null));
            }

            @Override
            public void deliver(List<Notification> stored) {
                delivered.addAll(stored);
            }

            @Override
            public List<Notification> forReference(String reference) {
                return List.of();
            }

            @Override
            public List<Notification> recent(int limit) {
                return List.of();
            }
        };
    }

    private ApplicationStore store() {
        return new ApplicationStore() {
            @Override
            public void create(ApplicationRecord application, StatusChange first) {
                writes.add("create " + application.reference());
                apps.put(application.reference(), application);
                history.add(first);
            }

            @Override
            public void create(ApplicationRecord application, StatusChange first, AuditNote note) {
                create(application, first);
                auditLog().append(note.actor(), note.action(), note.subject(), note.detail());
            }

            @Override
            public boolean move(StatusChange c, AuditNote note) {
                boolean moved = move(c);
                if (moved) {
                    auditLog().append(note.actor(), note.action(), note.subject(), note.detail());
                }
                return moved;
            }

            @Override
            public Optional<List<Notification>> file(ApplicationRecord application, StatusChange first, AuditNote note,
                    List<Notification> messages) {
                writes.add("file " + application.reference());
                if (collisions > 0 || apps.containsKey(application.reference())) {
                    collisions--;
                    return Optional.empty();
                }
                apps.put(application.reference(), application);
                history.add(first);
                auditLog().append(note.actor(), note.action(), note.subject(), note.detail());
                List<Notification> stored = new ArrayList<>();
                for (Notification n : messages) {
                    stored.add(new Notification(outbox.size() + 1, n.reference(), n.event(), n.channel(), n.recipient(),
                            n.text(), n.state(), null, null, 0, n.createdAt(), null, null));
                    outbox.add(stored.get(stored.size() - 1));
                }
                return Optional.of(stored);
            }

            @Override
            public Optional<ApplicationRecord> find(String reference) {
                reads.add("find " + reference);
                return Optional.ofNullable(apps.get(reference));
            }

            @Override
            public List<StatusChange> history(String reference) {
                reads.add("history " + reference);
                return history.stream().filter(c -> c.reference().equals(reference)).toList();
            }

            @Override
            public boolean move(StatusChange c) {
                ApplicationRecord a = apps.get(c.reference());
                if (a == null || !a.status().equals(c.from())) {
                    return false;
                }
                apps.put(a.reference(), new ApplicationRecord(a.reference(), a.serviceId(), a.descriptorVersion(), a.agency(),
                        a.cnic(), a.tier(), a.answers(), c.to(), a.paymentState(), a.createdAt(), c.at()));
                history.add(c);
                return true;
            }

            @Override
            public List<ApplicationRecord> list(String agency, String serviceId, String status, int limit) {
                return apps.values().stream().filter(a -> agency == null || a.agency().equals(agency)).limit(limit).toList();
            }

            @Override
            public org.khidmat.api.store.FigureFacts figureFacts(java.time.Instant from, java.time.Instant to) {
                throw new UnsupportedOperationException("the application desk does not read figures");
            }

            @Override
            public void keepDescriptor(String serviceId, int version, String json) {
                archive.putIfAbsent(serviceId + "@" + version, json);
            }

            @Override
            public Optional<String> descriptor(String serviceId, int version) {
                reads.add("descriptor " + serviceId);
                return Optional.ofNullable(archive.get(serviceId + "@" + version));
            }
        };
    }

    private Catalogue catalogue() {
        return new Catalogue() {
            @Override
            public List<CatalogueEntry> services() {
                return List.copyOf(served.values());
            }

            @Override
            public Optional<CatalogueEntry> service(String id) {
                return Optional.ofNullable(served.get(id));
            }

            @Override
            public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
                throw new NoSuchElementException(id);
            }
        };
    }

    private AuditLog auditLog() {
        return new AuditLog() {
            @Override
            public AuditEntry append(String actor, String action, String subject, String detail) {
                audit.add(actor + " " + action + " " + subject + " " + detail);
                return null;
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
        };
    }
}
