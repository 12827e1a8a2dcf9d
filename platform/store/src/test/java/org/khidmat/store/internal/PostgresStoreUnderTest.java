package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.testkit.Postgres;
import org.khidmat.testkit.store.StoreUnderTest;

/**
 * The PostgreSQL stores for the contract suite: a fresh schema of the testkit's embedded PostgreSQL (or of
 * {@code KHIDMAT_TEST_PG_URL}) per test, migrated by opening it, the stores built as the DS components build them; a
 * second node is a second pool over the same schema, as another machine would have.
 */
final class PostgresStoreUnderTest extends SqlStoresUnderTest {
    private final Postgres.Db pg;
    private final List<PostgresStoreUnderTest> others = new ArrayList<>();

    private PostgresStoreUnderTest(Postgres.Db pg, boolean first) {
        this(pg, PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 8), first);
    }

    private PostgresStoreUnderTest(Postgres.Db pg, Database db, boolean first) {
        super(db, chained(db, first));
        this.pg = pg;
    }

    /** @return fresh stores over a new, empty schema */
    static PostgresStoreUnderTest fresh() {
        return new PostgresStoreUnderTest(Postgres.database(), true);
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
        database.close();
    }
}
