package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.ApplicationStore;
import org.khidmat.api.platform.AuditNote;
import org.khidmat.api.platform.FigureFacts;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

/** Applications, their status history and archived descriptors, in tables of the same names. */
final class SqliteApplicationStore implements ApplicationStore {
    /**
     * A year of figures at a million applications still reads each first move of the period: longer than the
     * general read limit. The figures desk computes a period at most once a minute and two at a time, so this long
     * read never takes more than two of the readers tracking needs.
     */
    static final java.time.Duration FIGURES_LIMIT = java.time.Duration.ofSeconds(30);

    static final String COLUMNS = "reference, service_id, descriptor_version, agency, cnic, tier, answers,"
            + " status, payment_state, created_at, updated_at";

    /** Applications filed in [?, ?) and their ratings, counted per service, version, tier and rated service. */
    static final String FIGURE_GROUPS = "SELECT a.service_id, a.descriptor_version, a.tier, r.service_id, COUNT(*),"
            + " COUNT(r.reference), COALESCE(SUM(r.stars), 0)"
            + " FROM application a LEFT JOIN rating r ON r.reference = a.reference"
            + " WHERE a.created_at >= ? AND a.created_at < ?"
            + " GROUP BY a.service_id, a.descriptor_version, a.tier, r.service_id";
    /** For each application filed in [?, ?), its first move (not the filing) into each state, and when after filing. */
    static final String FIRST_MOVES = "SELECT reference, service_id, descriptor_version, tier, to_state, history_id,"
            + " after_filing FROM figure_move WHERE created_at >= ? AND created_at < ?";

    private final SqliteDatabase database;
    private final AuditChain chain;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    SqliteApplicationStore(SqliteDatabase database, AuditChain chain) {
        this.database = database;
        this.chain = chain;
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
        FilingWrite filing = new FilingWrite(application, first, note, messages);
        return database.write("store application " + application.reference(), c -> filing.run(c, chain));
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
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE 1 = 1");
        filter(sql, values, "agency", agency);
        filter(sql, values, "service_id", serviceId);
        filter(sql, values, "status", status);
        if (after != null) {
            sql.append(" AND (created_at, reference) < (?, ?)");
        }
        sql.append(" ORDER BY created_at DESC, reference DESC LIMIT ?");
        return database.read("list applications", c -> {
            try (PreparedStatement query = c.prepareStatement(sql.toString())) {
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
     * The period's groups from the hourly sums (and the applications of the part-hours at its edges:
     * {@link FigureSums}), and its first moves from {@code figure_move}, kept by triggers as histories grow; one read
     * transaction, so both see the same commit.
     */
    @Override
    public FigureFacts figureFacts(Instant from, Instant to) {
        return database.read("read the figures", FIGURES_LIMIT, c -> {
            FigureSums sums = new FigureSums();
            sums.add(c, millis(from), millis(to));
            List<FigureFacts.FirstMove> moves = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(FIRST_MOVES)) {
                query.setLong(1, millis(from));
                query.setLong(2, millis(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        moves.add(new FigureFacts.FirstMove(rows.getString(1), rows.getString(2), rows.getInt(3),
                                rows.getString(4), rows.getString(5), rows.getLong(6), Duration.ofMillis(rows.getLong(7))));
                    }
                }
            }
            return new FigureFacts(sums.groups(), moves);
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

    static void addHistory(Connection c, StatusChange change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO status_history (reference, at, actor,"
                + " from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)")) {
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
            insert.executeUpdate();
        }
    }

    private static ApplicationRecord record(ResultSet rows) throws SQLException {
        return new ApplicationRecord(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                rows.getString(5), rows.getString(6), AnswersJson.read(rows.getString(7)), rows.getString(8),
                rows.getString(9), Instant.ofEpochMilli(rows.getLong(10)), Instant.ofEpochMilli(rows.getLong(11)));
    }

    private static void filter(StringBuilder sql, List<String> values, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    static long millis(Instant instant) {
        return Objects.requireNonNull(instant, "timestamp").toEpochMilli();
    }
}
