package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.store.RatingStore;

/** Ratings in table {@code rating}, one per application. */
@Component(service = RatingStore.class)
public final class SqlRatingStore implements RatingStore {
    private static final String COLUMNS = "reference, service_id, agency, stars, comment, at";
    private final Database database;
    private final AuditChain chain;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    @Activate
    public SqlRatingStore(@Reference Database database, @Reference AuditChain chain) {
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
    public boolean addIfAbsent(Rating r) {
        return addIfAbsent(r, null);
    }

    @Override
    public boolean addIfAbsent(Rating r, AuditNote note) {
        Objects.requireNonNull(r, "rating");
        return database.write("store the rating of " + r.reference(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rating (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING")) {
                insert.setString(1, r.reference());
                insert.setString(2, r.serviceId());
                insert.setString(3, r.agency());
                insert.setInt(4, r.stars());
                insert.setString(5, r.comment());
                insert.setLong(6, millis(r.at()));
                if (insert.executeUpdate() != 1) {
                    return false;
                }
            }
            audit(c, note);
            return true;
        });
    }

    @Override
    public Optional<Rating> rating(String reference) {
        return database.read("read the rating of " + reference, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM rating WHERE reference = ?")) {
                query.setString(1, reference);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rating(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Rating> ratings() {
        return database.read("read ratings", c -> {
            List<Rating> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT " + COLUMNS + " FROM rating ORDER BY at, reference")) {
                while (rows.next()) {
                    out.add(rating(rows));
                }
            }
            return out;
        });
    }

    private static Rating rating(ResultSet rows) throws SQLException {
        return new Rating(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                Instant.ofEpochMilli(rows.getLong(6)));
    }
}
