package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.store.RatingStore;
import org.khidmat.api.store.ServiceStates;
import org.khidmat.testkit.Postgres;
import org.khidmat.testkit.store.StoreUnderTest;

/**
 * The PostgreSQL stores for the contract suite: a fresh schema of the testkit's embedded PostgreSQL (or of
 * {@code KHIDMAT_TEST_PG_URL}) per test, migrated by opening it, the stores built as the DS components build them; a
 * second node is a second pool over the same schema, as another machine would have.
 */
final class PostgresStoreUnderTest implements StoreUnderTest {
    private final Postgres.Db pg;
    private final Database db;
    private final AuditChain chain;
    private final List<PostgresStoreUnderTest> others = new ArrayList<>();

    private PostgresStoreUnderTest(Postgres.Db pg, boolean first) {
        this.pg = pg;
        this.db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 8);
        this.chain = new AuditChain(db, TestChain.KEY, Clock.systemUTC());
        chain.signAnchor(first);
    }

    /** @return fresh stores over a new, empty schema */
    static PostgresStoreUnderTest fresh() {
        return new PostgresStoreUnderTest(Postgres.database(), true);
    }

    @Override
    public ApplicationStore applications() {
        return new SqlApplicationStore(db, chain);
    }

    @Override
    public AuditLog audit() {
        return new SqlAuditLog(db, chain);
    }

    @Override
    public AccountStore accounts() {
        return new SqlAccountStore(db, chain);
    }

    @Override
    public QueueStore queue() {
        return new SqlQueueStore(db);
    }

    @Override
    public AppointmentStore appointments() {
        return new SqlAppointmentStore(db);
    }

    @Override
    public PaymentStore payments() {
        return new SqlPaymentStore(db, chain);
    }

    @Override
    public RatingStore ratings() {
        return new SqlRatingStore(db, chain);
    }

    @Override
    public NotificationStore notifications() {
        return new SqlNotificationStore(db);
    }

    @Override
    public ServiceStates serviceStates() {
        return new SqlServiceStates(db, chain);
    }

    /** Drops the append-only trigger and edits the row on a connection of its own, as a person with the password could. */
    @Override
    public void tamper(long seq) {
        try (Connection c = pg.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = ?")) {
                u.setLong(1, seq);
                if (u.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no audit entry " + seq + " to tamper with");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not tamper with audit entry " + seq, e);
        }
    }

    @Override
    public synchronized StoreUnderTest otherNode() {
        if (others.isEmpty()) {
            others.add(new PostgresStoreUnderTest(pg, false));
        }
        return others.get(0);
    }

    @Override
    public synchronized void close() {
        others.forEach(PostgresStoreUnderTest::close);
        db.close();
    }
}
