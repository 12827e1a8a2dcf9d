package org.khidmat.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.CentreEvents;
import org.khidmat.api.store.Centres;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.store.RatingStore;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;
import org.khidmat.api.platform.StatusChange;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The store as OSGi services: opens the SQLite database when activated, closes it when deactivated, and hands
 * every call to the class that does the work. The database is {@code database} of
 * {@code conf/org.khidmat.store.cfg.json} (relative to the centre's home), else the framework property
 * {@code khidmat.db.path} (in-container tests), else {@code <khidmat.home>/data/khidmat.db}, with the current folder
 * when {@code khidmat.home} is unset. Read at activation: a change takes effect at the next start.
 * Immediate, so a database that cannot be opened (or is newer than this code) shows at startup, not first use.
 */
@Designate(ocd = StoreConfig.class)
@Component(immediate = true, configurationPid = StoreConfig.PID, service = { ServiceStates.class, AuditLog.class, ApplicationStore.class, AccountStore.class,
        QueueStore.class })
public final class StoreComponent implements ServiceStates, AuditLog, ApplicationStore, AccountStore, QueueStore {
    private final SqliteDatabase database;
    private final SqliteServiceStates states;
    private final AuditChain chain;
    private final SqliteAuditLog audit;
    private final SqliteApplicationStore applications;
    private final SqliteAccountStore accounts;
    private final SqliteQueueStore queue;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final PolledCentreEvents events;

    /** @param centre the centre this node serves: applications filed here record it (for the figures per centre) */
    @Activate
    public StoreComponent(BundleContext context, StoreConfig config, @Reference Centre centre) {
        Path file = databaseFile(config.database(), context::getProperty);
        database = SqliteDatabase.open(file);
        try {
            AuditKey key = AuditKey.loadOrCreate(auditKeyFile(context::getProperty, file));
            chain = new AuditChain(database, key.bytes(), Clock.systemUTC());
            chain.signAnchor(key.created());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        chain.publish("start");
        states = new SqliteServiceStates(database, chain);
        audit = new SqliteAuditLog(database, chain);
        applications = new SqliteApplicationStore(database, chain, centre.id());
        accounts = new SqliteAccountStore(database, chain);
        queue = new SqliteQueueStore(database);
        // newer stores are registered as objects of their own rather than through this class's delegation
        registrations.add(context.registerService(PaymentStore.class, new SqlitePaymentStore(database, chain, centre.id()), null));
        registrations.add(context.registerService(RatingStore.class, new SqliteRatingStore(database, chain), null));
        registrations.add(context.registerService(AppointmentStore.class, new SqliteAppointmentStore(database), null));
        registrations.add(context.registerService(NotificationStore.class, new SqliteNotificationStore(database), null));
        registrations.add(context.registerService(Centres.class, new SqliteCentres(database), null));
        events = new PolledCentreEvents(database, Clock.systemUTC());
        registrations.add(context.registerService(CentreEvents.class, events, null));
    }

    /** For {@link StoreWatch}, in this bundle: the open database. */
    SqliteDatabase database() {
        return database;
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the framework unregisters a stopping bundle's services itself
            }
        });
        events.close();
        try {
            chain.publish("stop");
        } catch (RuntimeException e) {
            // the head was published at the last hundred entries; closing matters more
        }
        database.close();
    }

    /**
     * @param property reads a framework property, {@code null} when unset
     * @param databaseFile the database
     * @return {@code khidmat.audit.key} if set, else {@code audit.key} beside the database
     */
    static Path auditKeyFile(UnaryOperator<String> property, Path databaseFile) {
        String path = property.apply("khidmat.audit.key");
        return path != null && !path.isBlank() ? Path.of(path) : AuditKey.besides(databaseFile);
    }

    /**
     * @param configured the configured database, absolute or relative to the home, or blank
     * @param property reads a framework property, {@code null} when unset
     */
    static Path databaseFile(String configured, UnaryOperator<String> property) {
        if (configured != null && !configured.isBlank()) {
            String home = property.apply("khidmat.home");
            return Path.of(home == null || home.isBlank() ? "." : home).resolve(configured.strip());
        }
        return databaseFile(property);
    }

    /** @param property reads a framework property, {@code null} when unset */
    static Path databaseFile(UnaryOperator<String> property) {
        String path = property.apply("khidmat.db.path");
        if (path != null && !path.isBlank()) {
            return Path.of(path);
        }
        String home = property.apply("khidmat.home");
        return Path.of(home == null || home.isBlank() ? "." : home, "data", "khidmat.db");
    }

    @Override
    public Map<String, ServiceState> all() {
        return states.all();
    }

    @Override
    public Map<String, ServiceState> all(String centre) {
        return states.all(centre);
    }

    @Override
    public void put(ServiceState state) {
        states.put(state);
    }

    @Override
    public void put(ServiceState state, AuditNote note) {
        states.put(state, note);
    }

    @Override
    public AuditEntry append(String actor, String action, String subject, String detail) {
        return audit.append(actor, action, subject, detail);
    }

    @Override
    public List<AuditEntry> search(String text, int limit) {
        return audit.search(text, limit);
    }

    @Override
    public AuditCheck verify() {
        return audit.verify();
    }

    @Override
    public void create(ApplicationRecord application, StatusChange first) {
        applications.create(application, first);
    }

    @Override
    public void create(ApplicationRecord application, StatusChange first, AuditNote note) {
        applications.create(application, first, note);
    }

    @Override
    public Optional<List<Notification>> file(ApplicationRecord a, StatusChange first, AuditNote note, List<Notification> m) {
        return applications.file(a, first, note, m);
    }

    @Override
    public boolean move(StatusChange change, AuditNote note) {
        return applications.move(change, note);
    }

    @Override
    public Optional<ApplicationRecord> find(String reference) {
        return applications.find(reference);
    }

    @Override
    public List<StatusChange> history(String reference) {
        return applications.history(reference);
    }

    @Override
    public boolean move(StatusChange change) {
        return applications.move(change);
    }

    @Override
    public List<ApplicationRecord> list(String agency, String serviceId, String status, int limit) {
        return applications.list(agency, serviceId, status, limit);
    }

    @Override
    public List<ApplicationRecord> page(String agency, String serviceId, String status, InboxCursor after, int limit) {
        return applications.page(agency, serviceId, status, after, limit);
    }

    @Override
    public FigureFacts figureFacts(Instant from, Instant to) {
        return applications.figureFacts(from, to);
    }

    @Override
    public FigureFacts figureFacts(String centre, Instant from, Instant to) {
        return applications.figureFacts(centre, from, to);
    }

    @Override
    public void keepDescriptor(String serviceId, int version, String json) {
        applications.keepDescriptor(serviceId, version, json);
    }

    @Override
    public Optional<String> descriptor(String serviceId, int version) {
        return applications.descriptor(serviceId, version);
    }

    @Override
    public Optional<StoredAccount> account(String username) {
        return accounts.account(username);
    }

    @Override
    public List<StoredAccount> accounts() {
        return accounts.accounts();
    }

    @Override
    public void saveAccount(Account account, String passwordHash) {
        accounts.saveAccount(account, passwordHash);
    }

    @Override
    public void saveAccount(Account account, String passwordHash, AuditNote note) {
        accounts.saveAccount(account, passwordHash, note);
    }

    @Override
    public void saveToken(StoredToken token) {
        accounts.saveToken(token);
    }

    @Override
    public void saveToken(StoredToken token, AuditNote note) {
        accounts.saveToken(token, note);
    }

    @Override
    public Optional<StoredToken> tokenByHash(String hash) {
        return accounts.tokenByHash(hash);
    }

    @Override
    public List<StoredToken> tokens(String username) {
        return accounts.tokens(username);
    }

    @Override
    public boolean revokeToken(String id) {
        return accounts.revokeToken(id);
    }

    @Override
    public boolean revokeToken(String id, AuditNote note) {
        return accounts.revokeToken(id, note);
    }

    @Override
    public QueueToken take(String centre, LocalDate day, String serviceId, String category, String reference,
            String appointment, Instant at) {
        return queue.take(centre, day, serviceId, category, reference, appointment, at);
    }

    @Override
    public Optional<QueueToken> token(long id) {
        return queue.token(id);
    }

    @Override
    public boolean attach(long id, String reference) {
        return queue.attach(id, reference);
    }

    @Override
    public Optional<QueueToken> callNext(String centre, LocalDate day, Collection<String> categories, int counter,
            Instant at) {
        return queue.callNext(centre, day, categories, counter, at);
    }

    @Override
    public Optional<QueueToken> finish(long id, String state, Instant at) {
        return queue.finish(id, state, at);
    }

    @Override
    public List<QueueToken> tokens(String centre, LocalDate from, LocalDate to) {
        return queue.tokens(centre, from, to);
    }

    @Override
    public List<QueueToken> recentlyServed(String serviceId, int limit) {
        return queue.recentlyServed(serviceId, limit);
    }

    @Override
    public List<Counter> counters(String centre) {
        return queue.counters(centre);
    }

    @Override
    public void saveCounter(String centre, Counter counter) {
        queue.saveCounter(centre, counter);
    }
}
