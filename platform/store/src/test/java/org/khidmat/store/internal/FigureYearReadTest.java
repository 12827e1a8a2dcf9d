package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.FigureFacts;

/**
 * A year of figures reads the daily sums only: its statements (recorded through a connection wrapper) are the two
 * indexed day ranges, and the rows in those ranges are at most days x services x (1 + states) x spans used, the same
 * after ten times as many applications of the same kind were filed in that year. No timing.
 */
class FigureYearReadTest {
    private static final long DAY = TimeSpans.DAY;
    private static final List<String> SERVICES = List.of("police.cert", "police.noc", "nadra.cnic");
    /** 2026-01-01 in Pakistan, as epoch day of the sums (days start at 19:00 UTC). */
    private static final long FIRST_DAY = (java.time.Instant.parse("2025-12-31T19:00:00Z").toEpochMilli() + FigureDays.OFFSET) / DAY;

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private int filed;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aYearReadsRowsPerDayAndServiceWhateverTheApplications() {
        fileEachDay(1);
        Read first = readYear();
        assertEquals(List.of(FigureDays.DAY_GROUPS, FigureDays.DAY_TIMES), first.statements(),
                "whole days: no application, history or first move is read");
        assertTrue(first.rows() <= 365L * SERVICES.size() * (1 + 2), first.rows() + " rows for a year");
        assertEquals(365L * SERVICES.size(), applications(first.facts()));

        fileEachDay(9);
        Read tenfold = readYear();
        assertEquals(first.statements(), tenfold.statements());
        assertEquals(first.rows(), tenfold.rows(), "ten times the applications, the same rows");
        assertEquals(10 * 365L * SERVICES.size(), applications(tenfold.facts()));
        assertEquals(10 * 365L * SERVICES.size() * 2, tenfold.facts().times().stream().mapToLong(FigureFacts.Times::moves).sum());
    }

    private record Read(List<String> statements, long rows, FigureFacts facts) {
    }

    private Read readYear() {
        long from = FIRST_DAY * DAY - FigureDays.OFFSET;
        long to = from + 365 * DAY;
        List<String> statements = new ArrayList<>();
        FigureFacts facts = db.read("a year", c -> {
            FigureDays days = new FigureDays(null);
            days.add(recording(c, statements), from, to);
            return days.facts();
        });
        long rows = count("figure_day", FIRST_DAY, FIRST_DAY + 365) + count("figure_time", FIRST_DAY, FIRST_DAY + 365);
        return new Read(statements, rows, facts);
    }

    /** The rows of a table's day range: what a search on its primary key (day first) steps through. */
    private long count(String table, long firstDay, long endDay) {
        return db.read("count", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE day >= ? AND day < ?")) {
                q.setLong(1, firstDay);
                q.setLong(2, endDay);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    private static long applications(FigureFacts facts) {
        return facts.groups().stream().mapToLong(FigureFacts.Group::applications).sum();
    }

    private static Connection recording(Connection c, List<String> statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.add(args == null ? method.getName() : (String) args[0]);
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Per day of the year and service, {@code each} applications filed at noon, reviewed 3 h and done 2 days later. */
    private void fileEachDay(int each) {
        db.write("file a year", c -> {
            try (PreparedStatement app = c.prepareStatement("INSERT INTO application (reference, service_id,"
                    + " descriptor_version, agency, cnic, tier, answers, status, payment_state, created_at, updated_at)"
                    + " VALUES (?, ?, 1, 'x', '6110112345671', 'normal', '{}', 'done', 'none', ?, ?)");
                    PreparedStatement move = c.prepareStatement("INSERT INTO status_history (reference, at, actor,"
                            + " from_state, to_state) VALUES (?, ?, 'x', ?, ?)")) {
                for (int day = 0; day < 365; day++) {
                    for (String service : SERVICES) {
                        for (int i = 0; i < each; i++) {
                            String ref = "Y" + filed++;
                            long at = (FIRST_DAY + day) * DAY - FigureDays.OFFSET + DAY / 2 + i * 1000L;
                            app.setString(1, ref);
                            app.setString(2, service);
                            app.setLong(3, at);
                            app.setLong(4, at);
                            app.executeUpdate();
                            String from = null;
                            for (Object[] m : new Object[][] {{"submitted", 0L}, {"review", 3 * TimeSpans.HOUR},
                                    {"done", 2 * DAY}}) {
                                move.setString(1, ref);
                                move.setLong(2, at + (Long) m[1]);
                                move.setString(3, from);
                                move.setString(4, (String) m[0]);
                                move.executeUpdate();
                                from = (String) m[0];
                            }
                        }
                    }
                }
            }
            return null;
        });
    }
}
