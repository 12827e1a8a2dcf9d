package org.khidmat.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.khidmat.api.platform.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the centre's database, the one every store component works on: SQLite ({@link SqliteDatabase}) at
 * {@code database} of {@code conf/org.khidmat.store.cfg.json} (relative to the centre's home), else the framework
 * property {@code khidmat.db.path} (in-container tests), else {@code <khidmat.home>/data/khidmat.db}; or PostgreSQL
 * ({@link PostgresDatabase}) when {@code url} is set ({@code KHIDMAT_DB_URL}), with {@code user}, the password from
 * {@code passwordFile} and {@code poolSize}. It loads or creates the audit key, signs the chain's anchor, and registers
 * the {@link Database} and the {@link AuditChain} as services of this bundle; each store (applications, accounts,
 * audit log, queue, appointments, payments, ratings, notifications, service states) is a component of its own over
 * them. Read at activation: a change takes effect at the next start. Immediate, so a database that cannot be opened
 * (or is newer than this code) shows at startup, not first use.
 */
@Designate(ocd = StoreConfig.class)
@Component(immediate = true, configurationPid = StoreConfig.PID, service = {})
public final class DatabaseComponent {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);
    private final Database database;
    private final AuditChain chain;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public DatabaseComponent(BundleContext context, StoreConfig config) {
        UnaryOperator<String> property = context::getProperty;
        Path file = databaseFile(config.database(), property);
        database = open(config, property);
        try {
            AuditKey key = AuditKey.loadOrCreate(auditKeyFile(property, file));
            chain = new AuditChain(database, key.bytes(), Clock.systemUTC());
            chain.signAnchor(key.created());
            if (database.dialect() == Dialect.POSTGRESQL) {
                chain.requireSignedWithThisKey(auditKeyFile(property, file));
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        chain.publish("start");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("khidmat.store.dialect", database.dialect().name().toLowerCase(java.util.Locale.ROOT));
        registrations.add(context.registerService(Database.class, database, properties));
        registrations.add(context.registerService(AuditChain.class, chain, properties));
    }

    /** @return the database the configuration names: PostgreSQL when {@code url} is set, else the SQLite file */
    static Database open(StoreConfig config, UnaryOperator<String> property) {
        String url = config.url() == null ? "" : config.url().strip();
        if (url.isEmpty()) {
            return SqliteDatabase.open(databaseFile(config.database(), property));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("url of " + StoreConfig.PID + " must be a jdbc:postgresql://host:port/database URL"
                    + " (or empty for SQLite), not " + PostgresDatabase.describe(url), null);
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new StoreException("url of " + StoreConfig.PID + " holds a password; take it out and write it into"
                    + " the file named by passwordFile (owner-only) instead", null);
        }
        String password = null;
        if (config.passwordFile() != null && !config.passwordFile().isBlank()) {
            password = PasswordFile.read(home(property).resolve(config.passwordFile().strip()));
        }
        LOG.debug("Opening PostgreSQL at {} as {}", PostgresDatabase.describe(url), config.user());
        return PostgresDatabase.open(url, config.user(), password, config.poolSize());
    }

    private static Path home(UnaryOperator<String> property) {
        String home = property.apply("khidmat.home");
        return Path.of(home == null || home.isBlank() ? "." : home);
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
}
