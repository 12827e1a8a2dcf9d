package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khidmat.testkit.Postgres;

/**
 * On PostgreSQL, filings run side by side on many connections and nodes, and only the audit chain's head must be taken
 * one at a time (held to the commit, the disk's flush included). Whatever a filing locks before its head lock stretches
 * that one-at-a-time section for every filing of the country: the day sum of its service ({@code figure_day}, one row
 * for all filings of a service, centre and day) must be counted at the commit, and the head taken after every other
 * row is written. Found by the engines benchmark ({@code load.sh --engines}): at 8 and 32 clients the connections
 * waited on each other's {@code figure_day} row ({@code Lock:transactionid} in 8 of 10 samples).
 */
class PostgresFilingLocksTest {

    @Test
    void aFilingDoesNotWaitForTheDaySumOfAnotherFilingOfTheSameServiceStillOpen() throws Exception {
        Postgres.Db pg = Postgres.database();
        PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2).close(); // migrated
        try (Connection first = pg.connect(); Connection second = pg.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertApplication(first, "DAYSUM-1");
            try (Statement s = second.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '3s'");
            }
            try {
                insertApplication(second, "DAYSUM-2");
            } catch (SQLException e) {
                throw new AssertionError("the second filing waited for the first one's day sum (" + e.getSQLState()
                        + " " + e.getMessage() + ")", e);
            }
            second.commit();
            first.commit();
        }
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT SUM(applications) FROM figure_day WHERE service_id = 'ictpolice.character-certificate'")) {
            assertTrue(r.next());
            assertEquals(2, r.getLong(1), "both filings are counted in the day's sum at their commits");
        }
    }

    @Test
    void aFilingWaitingForTheAuditHeadHasWrittenEverythingElseAlready() throws Exception {
        Postgres.Db pg = Postgres.database();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (PostgresDatabase db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2);
                Connection holder = pg.connect()) {
            SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, Dialect.Lock.AUDIT_HEAD.key);
                lock.execute();
            }
            Future<?> filing = pool.submit(() -> FilingTest.file(store, "HEADLAST-1", "sms").orElseThrow());
            List<String> held = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (held.isEmpty() && System.nanoTime() < deadline) {
                held = tablesLockedByTheWaiter(holder);
                Thread.sleep(20);
            }
            assertTrue(!held.isEmpty(), "the filing never waited for the audit head's lock");
            holder.commit();
            filing.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("application", "notification", "status_history"), held.stream()
                    .filter(List.of("application", "notification", "status_history", "audit_log")::contains).sorted().toList(), "while it waits for the head, the filing holds the rows it wrote: all but the"
                    + " audit entry");
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the tables locked by the transaction that waits for an advisory lock, or none while none waits */
    private static List<String> tablesLockedByTheWaiter(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT l.relation::regclass::text"
                + " FROM pg_locks l WHERE l.locktype = 'relation' AND l.pid IN (SELECT pid FROM pg_locks"
                + " WHERE locktype = 'advisory' AND NOT granted) AND l.mode = 'RowExclusiveLock'")) {
            while (r.next()) {
                String name = r.getString(1);
                tables.add(name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name);
            }
        }
        return tables;
    }

    private static void insertApplication(Connection c, String reference) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO application (" + SqlApplicationStore.COLUMNS
                + ", centre) VALUES (?, 'ictpolice.character-certificate', 1, 'ictpolice', '6110112345671', 'normal',"
                + " '{}', 'submitted', NULL, ?, ?, 'default')")) {
            insert.setString(1, reference);
            insert.setLong(2, FilingTest.FILED.toEpochMilli());
            insert.setLong(3, FilingTest.FILED.toEpochMilli());
            insert.executeUpdate();
        }
    }
}
