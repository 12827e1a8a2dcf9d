package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;

/**
 * The bundle set in tables {@code bundle_set}, {@code bundle_set_head} and {@code bundle_outcome} (schema 11). A
 * change writes its row, moves the head and bumps the {@link BundleSet#TOPIC} signal in one transaction, so a node
 * that hears the signal finds the change. The SQL is the same on PostgreSQL.
 */
@Component(service = BundleSet.class)
public final class SqlBundleSet implements BundleSet {
    private static final String COLUMNS = "symbolic_name, version, sha256, agency, deployed_by, deployed_at, approval,"
            + " change_no";
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlBundleSet(@Reference Database database) {
        this.database = database;
    }

    @Override
    public long put(WantedBundle b, byte[] jar) {
        Objects.requireNonNull(b, "bundle");
        Objects.requireNonNull(jar, "jar");
        return database.write("add bundle " + b + " to the bundle set", c -> {
            long change = nextChange(c);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO bundle_set (" + COLUMNS + ", jar) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbolic_name) DO UPDATE SET version = excluded.version,"
                    + " sha256 = excluded.sha256, agency = excluded.agency, deployed_by = excluded.deployed_by,"
                    + " deployed_at = excluded.deployed_at, approval = excluded.approval, change_no = excluded.change_no,"
                    + " jar = excluded.jar")) {
                upsert.setString(1, b.symbolicName());
                upsert.setString(2, b.version());
                upsert.setString(3, b.sha256());
                upsert.setString(4, b.agency());
                upsert.setString(5, b.by());
                upsert.setLong(6, b.at().toEpochMilli());
                upsert.setString(7, b.approval());
                upsert.setLong(8, change);
                upsert.setBytes(9, jar);
                upsert.executeUpdate();
            }
            SqlSignals.bump(c, database.dialect(), TOPIC);
            return change;
        });
    }

    @Override
    public long remove(String symbolicName) {
        Objects.requireNonNull(symbolicName, "symbolicName");
        return database.write("take bundle " + symbolicName + " out of the bundle set", c -> {
            long change = nextChange(c);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bundle_set WHERE symbolic_name = ?")) {
                delete.setString(1, symbolicName);
                delete.executeUpdate();
            }
            SqlSignals.bump(c, database.dialect(), TOPIC);
            return change;
        });
    }

    private static long nextChange(Connection c) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE bundle_set_head SET change_no = change_no + 1 WHERE id = 1 RETURNING change_no");
                ResultSet rows = up.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("bundle_set_head has no row");
            }
            return rows.getLong(1);
        }
    }

    @Override
    public List<WantedBundle> wanted() {
        return database.read("read the bundle set", c -> {
            List<WantedBundle> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM bundle_set ORDER BY symbolic_name");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(WantedBundle.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)), rows.getString(7), rows.getLong(8)));
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<byte[]> jar(String symbolicName) {
        return database.read("read the jar of bundle " + symbolicName + " from the bundle set", null, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT jar FROM bundle_set WHERE symbolic_name = ?")) {
                q.setString(1, symbolicName);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public long change() {
        return database.read("read the bundle set's change number", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT change_no FROM bundle_set_head WHERE id = 1");
                    ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    @Override
    public void report(BundleOutcome o) {
        Objects.requireNonNull(o, "outcome");
        database.write("record the outcome of bundle " + o.symbolicName() + " on node " + o.node(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO bundle_outcome (node, symbolic_name, version,"
                    + " state, message, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbolic_name, node) DO UPDATE SET"
                    + " version = excluded.version, state = excluded.state, message = excluded.message, at = excluded.at")) {
                upsert.setString(1, o.node());
                upsert.setString(2, o.symbolicName());
                upsert.setString(3, o.version());
                upsert.setString(4, o.state().name());
                upsert.setString(5, o.message());
                upsert.setLong(6, o.at().toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<BundleOutcome> outcomes() {
        return database.read("read the bundles' outcomes per node", c -> {
            List<BundleOutcome> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT node, symbolic_name, version, state, message, at"
                    + " FROM bundle_outcome ORDER BY symbolic_name, node");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(BundleOutcome.of(rows.getString(1), rows.getString(2), rows.getString(3),
                            BundleOutcome.State.valueOf(rows.getString(4)), rows.getString(5),
                            Instant.ofEpochMilli(rows.getLong(6))));
                }
            }
            return List.copyOf(out);
        });
    }
}
