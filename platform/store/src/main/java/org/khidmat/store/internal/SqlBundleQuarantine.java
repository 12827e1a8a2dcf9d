package org.khidmat.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.store.BundleQuarantine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Quarantined jars in table {@code bundle_quarantine} (schema 14), the first reason kept. Same SQL on PostgreSQL. */
@Component(service = BundleQuarantine.class)
public final class SqlBundleQuarantine implements BundleQuarantine {
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlBundleQuarantine(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void add(String sha256, String reason, Instant at) {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        database.write("quarantine the jar " + sha256, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bundle_quarantine (sha256, reason, at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                insert.setString(1, sha256);
                insert.setString(2, reason);
                insert.setLong(3, at.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> reason(String sha256) {
        return database.read("read whether jar " + sha256 + " is quarantined", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT reason FROM bundle_quarantine WHERE sha256 = ?")) {
                q.setString(1, sha256);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public Map<String, String> all() {
        return database.read("read the quarantined jars", c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT sha256, reason FROM bundle_quarantine");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getString(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }
}
