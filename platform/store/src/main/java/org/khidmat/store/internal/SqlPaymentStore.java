package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.store.PaymentStore;

/**
 * Payments in table {@code payment}, one per application (its primary key); the application's {@code payment_state}
 * follows. {@link #add} looks and inserts in one {@code BEGIN IMMEDIATE} transaction, so a second connection's
 * {@link #add} for the same application waits and then finds the first one's payment.
 */
@Component(service = PaymentStore.class)
public final class SqlPaymentStore implements PaymentStore {
    private static final String COLUMNS = "reference, service_id, agency, tier, amount, provider, provider_reference,"
            + " instructions, state, started_at, paid_at, receipt_number";
    private final Database database;
    private final AuditChain chain;
    private final String centre;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    @Activate
    public SqlPaymentStore(@Reference Database database, @Reference AuditChain chain, @Reference Centre centre) {
        this(database, chain, centre.id());
    }

    SqlPaymentStore(Database database, AuditChain chain) {
        this(database, chain, Centre.DEFAULT_ID);
    }

    /** @param centre the centre this node serves: payments started here are collected here */
    SqlPaymentStore(Database database, AuditChain chain, String centre) {
        this.database = database;
        this.chain = chain;
        this.centre = centre;
    }

    /** Appends the entry in the transaction on {@code c}, unless {@code note} is {@code null}. */
    private void audit(java.sql.Connection c, AuditNote note) throws java.sql.SQLException {
        if (note != null) {
            chain.append(c, note);
        }
    }

    @Override
    public Added add(Payment p) {
        return add(p, null);
    }

    @Override
    public Added add(Payment p, AuditNote note) {
        Objects.requireNonNull(p, "payment");
        return database.write("store the payment of " + p.reference(), c -> {
            Optional<Payment> existing = find(c, p.reference());
            if (existing.isPresent()) {
                return new Added(existing.get(), false);
            }
            // ON CONFLICT: on PostgreSQL another node may add the same application's payment between the read above
            // and this insert; it waits for that one's commit and stores nothing, and the caller is answered with it
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO payment (" + COLUMNS
                    + ", centre) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?) ON CONFLICT (reference) DO NOTHING")) {
                insert.setString(11, centre);
                insert.setString(1, p.reference());
                insert.setString(2, p.serviceId());
                insert.setString(3, p.agency());
                insert.setString(4, p.tier());
                insert.setLong(5, p.amount());
                insert.setString(6, p.provider());
                insert.setString(7, p.providerReference());
                insert.setString(8, p.instructions());
                insert.setString(9, Payment.PENDING);
                insert.setLong(10, millis(p.startedAt()));
                if (insert.executeUpdate() == 0) {
                    return new Added(find(c, p.reference()).orElseThrow(), false);
                }
            }
            paymentState(c, p.reference(), Payment.PENDING);
            audit(c, note);
            return new Added(find(c, p.reference()).orElseThrow(), true);
        });
    }

    @Override
    public boolean markPaid(String reference, Instant paidAt, String receiptNumber) {
        return markPaid(reference, paidAt, receiptNumber, null);
    }

    @Override
    public boolean markPaid(String reference, Instant paidAt, String receiptNumber, AuditNote note) {
        return database.write("mark the payment of " + reference + " paid", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE payment SET state = 'paid', paid_at = ?,"
                    + " receipt_number = ? WHERE reference = ? AND state = 'pending'")) {
                update.setLong(1, millis(paidAt));
                update.setString(2, receiptNumber);
                update.setString(3, reference);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            paymentState(c, reference, Payment.PAID);
            audit(c, note);
            return true;
        });
    }

    @Override
    public Optional<Payment> payment(String reference) {
        return database.read("read the payment of " + reference, c -> find(c, reference));
    }

    @Override
    public List<Payment> paidBetween(Instant from, Instant to) {
        return paidBetween(null, from, to);
    }

    @Override
    public List<Payment> paidBetween(String centre, Instant from, Instant to) {
        return database.read("read payments", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE state = 'paid'"
                    + " AND paid_at >= ? AND paid_at < ?" + (centre == null ? "" : " AND centre = ?")
                    + " ORDER BY paid_at, reference")) {
                query.setLong(1, millis(from));
                query.setLong(2, millis(to));
                if (centre != null) {
                    query.setString(3, centre);
                }
                List<Payment> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(payment(rows));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Payment> find(Connection c, String reference) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE reference = ?")) {
            query.setString(1, reference);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(payment(rows)) : Optional.empty();
            }
        }
    }

    private static void paymentState(Connection c, String reference, String state) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE application SET payment_state = ? WHERE reference = ?")) {
            update.setString(1, state);
            update.setString(2, reference);
            update.executeUpdate();
        }
    }

    private static Payment payment(ResultSet rows) throws SQLException {
        long paid = rows.getLong(11);
        Instant paidAt = rows.wasNull() ? null : Instant.ofEpochMilli(paid);
        return new Payment(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                Instant.ofEpochMilli(rows.getLong(10)), paidAt, rows.getString(12));
    }
}
