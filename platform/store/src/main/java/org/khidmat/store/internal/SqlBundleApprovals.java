package org.khidmat.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.WaitingBundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Waiting jars and approved hashes in table {@code bundle_approval} (schema 14): a waiting row has its jar and no
 * approver; approving sets the approver and drops the jar in one conditional update, so two nodes cannot both approve.
 * The SQL is the same on PostgreSQL.
 */
@Component(service = BundleApprovals.class)
public final class SqlBundleApprovals implements BundleApprovals {
    private static final String WAITING = "SELECT sha256, symbolic_name, version, agency, uploaded_by, uploaded_at"
            + " FROM bundle_approval WHERE approved_by IS NULL AND jar IS NOT NULL";
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlBundleApprovals(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void park(WaitingBundle b, byte[] jar) {
        Objects.requireNonNull(b, "bundle");
        Objects.requireNonNull(jar, "jar");
        database.write("keep jar " + b + " waiting for approval", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO bundle_approval (sha256, symbolic_name,"
                    + " version, agency, uploaded_by, uploaded_at, jar) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256)"
                    + " DO UPDATE SET symbolic_name = excluded.symbolic_name, version = excluded.version,"
                    + " agency = excluded.agency, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at,"
                    + " jar = excluded.jar WHERE bundle_approval.approved_by IS NULL")) {
                upsert.setString(1, b.sha256());
                upsert.setString(2, b.symbolicName());
                upsert.setString(3, b.version());
                upsert.setString(4, b.agency());
                upsert.setString(5, b.uploadedBy());
                upsert.setLong(6, b.uploadedAt().toEpochMilli());
                upsert.setBytes(7, jar);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<WaitingBundle> waiting() {
        return database.read("list the jars waiting for approval", c -> {
            List<WaitingBundle> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(WAITING + " ORDER BY uploaded_at, sha256");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(row(rows));
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<WaitingBundle> waiting(String sha256) {
        return database.read("read the waiting jar " + sha256, c -> {
            try (PreparedStatement q = c.prepareStatement(WAITING + " AND sha256 = ?")) {
                q.setString(1, sha256);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(row(rows)) : Optional.<WaitingBundle>empty();
                }
            }
        });
    }

    @Override
    public Optional<byte[]> jar(String sha256) {
        return database.read("read the waiting jar " + sha256, null, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT jar FROM bundle_approval WHERE sha256 = ?"
                    + " AND approved_by IS NULL AND jar IS NOT NULL")) {
                q.setString(1, sha256);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public boolean approve(String sha256, String by, Instant at) {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        return database.write("approve the jar " + sha256, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE bundle_approval SET approved_by = ?, approved_at = ?,"
                    + " jar = NULL WHERE sha256 = ? AND approved_by IS NULL AND jar IS NOT NULL")) {
                u.setString(1, by);
                u.setLong(2, at.toEpochMilli());
                u.setString(3, sha256);
                return u.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void approved(String sha256, String by, Instant at) {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        database.write("record the approval of jar " + sha256, c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO bundle_approval (sha256, approved_by,"
                    + " approved_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET approved_by = excluded.approved_by,"
                    + " approved_at = excluded.approved_at, jar = NULL WHERE bundle_approval.approved_by IS NULL")) {
                upsert.setString(1, sha256);
                upsert.setString(2, by);
                upsert.setLong(3, at.toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean isApproved(String sha256) {
        return database.read("read whether jar " + sha256 + " is approved", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM bundle_approval WHERE sha256 = ?"
                    + " AND approved_by IS NOT NULL")) {
                q.setString(1, sha256);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public boolean reject(String sha256) {
        return database.write("reject the waiting jar " + sha256, c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM bundle_approval WHERE sha256 = ?"
                    + " AND approved_by IS NULL")) {
                d.setString(1, sha256);
                return d.executeUpdate() == 1;
            }
        });
    }

    private static WaitingBundle row(ResultSet rows) throws SQLException {
        return WaitingBundle.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)));
    }
}
