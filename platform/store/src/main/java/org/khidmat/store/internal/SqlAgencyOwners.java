package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.store.AgencyOwners;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Agency claims in table {@code agency_owner} (schema 14): the first insert of a code wins, by its primary key, on
 * either engine. Same SQL on PostgreSQL.
 */
@Component(service = AgencyOwners.class)
public final class SqlAgencyOwners implements AgencyOwners {
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlAgencyOwners(@Reference Database database) {
        this.database = database;
    }

    @Override
    public String claim(String agency, String symbolicName, Instant at) {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(at, "at");
        return database.write("claim agency " + agency + " for bundle " + symbolicName, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO agency_owner (agency, symbolic_name,"
                    + " claimed_at) VALUES (?, ?, ?) ON CONFLICT (agency) DO NOTHING")) {
                insert.setString(1, agency);
                insert.setString(2, symbolicName);
                insert.setLong(3, at.toEpochMilli());
                insert.executeUpdate();
            }
            return owner(c, agency).orElseThrow(() -> new SQLException("agency_owner lost the row just written"));
        });
    }

    @Override
    public Optional<String> owner(String agency) {
        return database.read("read the owner of agency " + agency, c -> owner(c, agency));
    }

    private static Optional<String> owner(Connection c, String agency) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT symbolic_name FROM agency_owner WHERE agency = ?")) {
            q.setString(1, agency);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Map<String, String> all() {
        return database.read("read the agencies' owners", c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT agency, symbolic_name FROM agency_owner");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getString(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }
}
