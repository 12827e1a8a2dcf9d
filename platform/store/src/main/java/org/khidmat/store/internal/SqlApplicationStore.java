package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

/** Applications, their status history and archived descriptors, in tables of the same names. */
@Component(service = ApplicationStore.class)
public final class SqlApplicationStore implements ApplicationStore {
    static final String COLUMNS = "reference, service_id, descriptor_version, agency, cnic, tier, answers,"
            + " status, payment_state, created_at, updated_at";

    /** Applications filed in [?, ?) and their ratings, counted per service, version, tier and rated service. */
    static final String FIGURE_GROUPS = "SELECT a.service_id, a.descriptor_version, a.tier, r.service_id, COUNT(*),"
            + " COUNT(r.reference), COALESCE(SUM(r.stars), 0)"
            + " FROM application a LEFT JOIN rating r ON r.reference = a.reference"
            + " WHERE a.created_at >= ? AND a.created_at < ?"
            + " GROUP BY a.service_id, a.descriptor_version, a.tier, r.service_id";
    private final Database database;
    private final AuditChain chain;
    private final String centre;
    /** Runs a PostgreSQL group's filings together. */
    private final FilingBatch filings;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    @Activate
    public SqlApplicationStore(@Reference Database database, @Reference AuditChain chain, @Reference Centre centre) {
        this(database, chain, centre.id());
    }

    SqlApplicationStore(Database database, AuditChain chain) {
        this(database, chain, Centre.DEFAULT_ID);
    }

    /** @param centre the centre this node serves: applications filed here record it, for the figures */
    SqlApplicationStore(Database database, AuditChain chain, String centre) {
        this.database = database;
        this.chain = chain;
        this.centre = centre;
        this.filings = new FilingBatch(chain);
    }

    /** Appends the entry in the transaction on {@code c}, unless {@code note} is {@code null}. */
    private void audit(java.sql.Connection c, AuditNote note) throws java.sql.SQLException {
        if (note != null) {
            chain.append(c, note);
        }
    }

    @Override
    public void create(ApplicationRecord application, StatusChange first) {
        create(application, first, null);
    }

    @Override
    public void create(ApplicationRecord application, StatusChange first, AuditNote note) {
        if (file(application, first, note, List.of()).isEmpty()) {
            throw new StoreException("could not store application " + application.reference()
                    + ": an application with that reference already exists", null);
        }
    }

    /** One write: see {@link FilingWrite}. */
    @Override
    public Optional<List<Notification>> file(ApplicationRecord application, StatusChange first, AuditNote note,
            List<Notification> messages) {
        return database.writeInGroup("store application " + application.reference(),
                new FilingWrite(application, centre, first, note, messages, filings));
    }

    @Override
    public Optional<ApplicationRecord> find(String reference) {
        return database.read("read application " + reference, c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM application WHERE reference = ?")) {
                query.setString(1, reference);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(record(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StatusChange> history(String reference) {
        return database.read("read the history of application " + reference, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT reference, at, actor, from_state, to_state, note"
                    + " FROM status_history WHERE reference = ? ORDER BY id")) {
                query.setString(1, reference);
                List<StatusChange> changes = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new StatusChange(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
                return changes;
            }
        });
    }

    @Override
    public boolean move(StatusChange change) {
        return move(change, null);
    }

    @Override
    public boolean move(StatusChange change, AuditNote note) {
        Objects.requireNonNull(change, "change");
        return database.write("move application " + change.reference() + " to " + change.to(), c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE application SET status = ?, updated_at = ? WHERE reference = ? AND status = ?")) {
                update.setString(1, change.to());
                update.setLong(2, millis(change.at()));
                update.setString(3, change.reference());
                update.setString(4, change.from());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            addHistory(c, change);
            audit(c, note);
            return true;
        });
    }

    @Override
    public List<ApplicationRecord> list(String agency, String serviceId, String status, int limit) {
        return page(agency, serviceId, status, null, limit);
    }

    /** Keyset paging on the index (agency, status, created_at, reference): a deep page costs what the first does. */
    @Override
    public List<ApplicationRecord> page(String agency, String serviceId, String status, InboxCursor after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : new String[] {agency, serviceId, status}) {
            if (value != null) {
                values.add(value);
            }
        }
        String sql = pageSql(agency != null, serviceId != null, status != null, after != null);
        return database.read("list applications", c -> {
            try (PreparedStatement query = c.prepareStatement(sql)) {
                int i = 1;
                for (String value : values) {
                    query.setString(i++, value);
                }
                if (after != null) {
                    query.setLong(i++, millis(after.created()));
                    query.setString(i++, after.reference());
                }
                query.setInt(i, limit);
                List<ApplicationRecord> records = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        records.add(record(rows));
                    }
                }
                return records;
            }
        });
    }

    /**
     * The period's facts from the daily sums (and, for parts of a day at its edges, the applications and first moves
     * themselves: {@link FigureDays}), kept by triggers as applications are filed, moved and rated; one read
     * transaction, so the parts see the same commit. A year costs about 365 rows per service and state-and-span, so
     * the read has the general limit.
     */
    @Override
    public FigureFacts figureFacts(Instant from, Instant to) {
        return figureFacts(null, from, to);
    }

    @Override
    public FigureFacts figureFacts(String centre, Instant from, Instant to) {
        return database.read("read the figures", c -> {
            FigureDays days = new FigureDays(centre);
            days.add(c, millis(from), millis(to));
            return days.facts();
        });
    }

    @Override
    public void keepDescriptor(String serviceId, int version, String json) {
        database.write("keep descriptor " + serviceId + " version " + version, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO descriptor_archive (service_id, version,"
                    + " json) VALUES (?, ?, ?) ON CONFLICT (service_id, version) DO NOTHING")) {
                insert.setString(1, serviceId);
                insert.setInt(2, version);
                insert.setString(3, json);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> descriptor(String serviceId, int version) {
        return database.read("read descriptor " + serviceId + " version " + version, c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT json FROM descriptor_archive WHERE service_id = ? AND version = ?")) {
                query.setString(1, serviceId);
                query.setInt(2, version);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Inserts a line of history; its values are bound by {@link #bindHistory}. */
    static final String ADD_HISTORY = "INSERT INTO status_history (reference, at, actor, from_state, to_state, note)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    static void addHistory(Connection c, StatusChange change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(ADD_HISTORY)) {
            bindHistory(insert, change);
            insert.executeUpdate();
        }
    }

    static void bindHistory(PreparedStatement insert, StatusChange change) throws SQLException {
        insert.setString(1, change.reference());
        insert.setLong(2, millis(change.at()));
        insert.setString(3, change.actor());
        if (change.from() == null) {
            insert.setNull(4, Types.VARCHAR);
        } else {
            insert.setString(4, change.from());
        }
        insert.setString(5, change.to());
        insert.setString(6, change.note());
    }

    private static ApplicationRecord record(ResultSet rows) throws SQLException {
        return new ApplicationRecord(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                rows.getString(5), rows.getString(6), AnswersJson.read(rows.getString(7)), rows.getString(8),
                rows.getString(9), Instant.ofEpochMilli(rows.getLong(10)), Instant.ofEpochMilli(rows.getLong(11)));
    }

    /**
     * A page's query: the filters given (agency, service, status, in that order of parameters), after a cursor
     * (filing time, reference) or not, newest first, then the limit. Each combination has an index that gives its rows
     * in that order (V8), so a page reads at most its limit of rows whatever the inbox holds.
     */
    static String pageSql(boolean agency, boolean service, boolean status, boolean after) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE 1 = 1");
        sql.append(agency ? " AND agency = ?" : "").append(service ? " AND service_id = ?" : "")
                .append(status ? " AND status = ?" : "").append(after ? " AND (created_at, reference) < (?, ?)" : "");
        return sql.append(" ORDER BY created_at DESC, reference DESC LIMIT ?").toString();
    }

    static long millis(Instant instant) {
        return Objects.requireNonNull(instant, "timestamp").toEpochMilli();
    }
}
