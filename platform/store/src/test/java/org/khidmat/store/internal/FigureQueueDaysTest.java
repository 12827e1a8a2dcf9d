package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.store.AppointmentStore.Booked;
import org.khidmat.api.store.QueueStore.Waits;
import org.khidmat.api.platform.QueueToken;

/**
 * The queue's and appointments' daily sums (schema 9) that triggers keep give what the tokens and appointments
 * themselves give, for any period of days, after tokens are called, moved to another day or service, and deleted, and
 * appointments change state; the migration's backfill gives the rows the triggers did; a year reads the days' sums
 * only, the same rows at ten times the tokens. No timing.
 */
class FigureQueueDaysTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final List<String> SERVICES = List.of("police.cert", "police.noc", "nadra.cnic");
    private static final List<String> STATES = List.of("booked", "checked-in", "cancelled", "late", "no-show");

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqlQueueStore queue;
    private SqlAppointmentStore appointments;
    private int made;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        queue = new SqlQueueStore(db);
        appointments = new SqlAppointmentStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSumsEqualWhatTheTokensAndAppointmentsGive() {
        fill(new Random(16), 40, 30);
        for (LocalDate[] period : new LocalDate[][] {{FIRST, FIRST.plusDays(29)}, {FIRST.plusDays(3), FIRST.plusDays(3)},
                {FIRST.plusDays(7), FIRST.plusDays(20)}, {FIRST.minusDays(5), FIRST.plusDays(400)}}) {
            assertEquals(waitsOfTokens(queue.tokens(period[0], period[1])), sorted(queue.waits(period[0], period[1])),
                    "waits of " + period[0] + " to " + period[1]);
            assertEquals(bookedOf(appointments.between(period[0], period[1])), appointments.booked(period[0], period[1]),
                    "appointments of " + period[0] + " to " + period[1]);
        }
        assertTrue(queue.waits(FIRST, FIRST.plusDays(29)).stream().anyMatch(w -> w.upTo() == null), "some never called");
    }

    @Test
    void aCentresSumsAreItsOwnAndTheCountrysAddUpEveryCentre() {
        fill(new Random(12), 20, 10);
        db.write("move a third to Lahore", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE queue_token SET centre = 'lhr-01' WHERE id % 3 = 0");
                s.executeUpdate("INSERT INTO appointment_slot (centre, service_id, day, start, capacity, booked)"
                        + " SELECT 'lhr-01', service_id, day, start, capacity, booked FROM appointment_slot");
                s.executeUpdate("UPDATE appointment SET centre = 'lhr-01' WHERE code IN (SELECT code FROM appointment"
                        + " ORDER BY code LIMIT (SELECT COUNT(*) / 3 FROM appointment))");
            }
            return null;
        });
        LocalDate from = FIRST;
        LocalDate to = FIRST.plusDays(9);
        for (String centre : List.of("default", "lhr-01")) {
            List<Waits> own = sorted(queue.waits(centre, from, to));
            assertFalse(own.isEmpty(), centre);
            assertEquals(waitsOfTokens(queue.tokens(centre, from, to)), own, "waits of " + centre);
            assertEquals(bookedOf(appointments.between(centre, from, to)), appointments.booked(centre, from, to),
                    "appointments of " + centre);
        }
        assertEquals(waitsOfTokens(queue.tokens(null, from, to)), sorted(queue.waits(from, to)), "the country's waits");
        assertEquals(bookedOf(appointments.between(null, from, to)), appointments.booked(from, to),
                "the country's appointments");
    }

    @Test
    void theBackfillGivesWhatTheTriggersKept() throws IOException {
        fill(new Random(9), 30, 20);
        List<List<Object>> waits = rows("SELECT * FROM figure_queue_day WHERE tokens <> 0 ORDER BY 1, 2, 3");
        List<List<Object>> booked = rows("SELECT * FROM figure_appointment_day WHERE booked <> 0 OR missed <> 0"
                + " ORDER BY 1, 2");
        assertFalse(waits.isEmpty());
        assertFalse(booked.isEmpty());
        List<String> backfill = Migrations.statements(script()).stream().filter(s -> s.startsWith("INSERT INTO figure_"))
                .toList();
        assertEquals(2, backfill.size());
        db.write("backfill again", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM figure_queue_day");
                s.executeUpdate("DELETE FROM figure_appointment_day");
                for (String sql : backfill) {
                    s.executeUpdate(sql);
                }
            }
            return null;
        });
        assertEquals(waits, rows("SELECT * FROM figure_queue_day ORDER BY 1, 2, 3"));
        assertEquals(booked, rows("SELECT * FROM figure_appointment_day ORDER BY 1, 2"));
    }

    @Test
    void aYearReadsTheDaysSumsOnlyWhateverTheTokens() {
        LocalDate last = FIRST.plusDays(364);
        fillYear(1);
        long first = yearRows();
        assertTrue(first <= 365L * SERVICES.size() * (4 + 1), first + " rows for a year");
        fillYear(9);
        assertEquals(first, yearRows(), "ten times the tokens and appointments, the same rows of sums");
        assertEquals(10 * 365L * SERVICES.size() * 4, queue.waits(FIRST, last).stream().mapToLong(Waits::tokens).sum());
        assertEquals(bookedOf(appointments.between(FIRST, last)), appointments.booked(FIRST, last));
        List<String> plans = plans();
        assertTrue(plans.stream().anyMatch(p -> p.startsWith("SEARCH figure_queue_day USING PRIMARY KEY (day>? AND day<?)")),
                plans.toString());
        assertTrue(plans.stream().anyMatch(p -> p.startsWith("SEARCH figure_appointment_day USING PRIMARY KEY (day>? AND"
                + " day<?)")), plans.toString());
        for (String plan : plans) {
            assertFalse(plan.contains("queue_token") || plan.matches(".*\\bappointment\\b.*"),
                    "a figures read touches no token or appointment: " + plan);
        }
    }

    /**
     * Per day of the year and service, {@code each} times: four tokens (waits of 5, 15 and 25 minutes, one never
     * called) and two appointments (one kept, one missed).
     */
    private void fillYear(int each) {
        db.write("fill a year", c -> {
            try (PreparedStatement token = c.prepareStatement("INSERT INTO queue_token (day, letter, seq, service_id,"
                    + " category, state, taken_at, called_at) VALUES (?, 'A', ?, ?, 'x', 'called', ?, ?)");
                    PreparedStatement slot = c.prepareStatement("INSERT INTO appointment_slot (service_id, day, start,"
                            + " capacity) VALUES (?, ?, '09:00', 1000000) ON CONFLICT DO NOTHING");
                    PreparedStatement book = c.prepareStatement("INSERT INTO appointment (code, service_id, day, start,"
                            + " slot_end, cnic, state, booked_at, changed_at) VALUES (?, ?, ?, '09:00', '09:15',"
                            + " '6110112345671', ?, 0, 0)")) {
                for (int d = 0; d < 365; d++) {
                    String day = FIRST.plusDays(d).toString();
                    long noon = FIRST.plusDays(d).toEpochDay() * TimeSpans.DAY + TimeSpans.DAY / 2;
                    for (String service : SERVICES) {
                        slot.setString(1, service);
                        slot.setString(2, day);
                        slot.executeUpdate();
                        for (int i = 0; i < each; i++) {
                            for (int k = 0; k < 4; k++) {
                                token.setString(1, day);
                                token.setInt(2, ++made);
                                token.setString(3, service);
                                token.setLong(4, noon);
                                if (k < 3) {
                                    token.setLong(5, noon + (5 + 10 * k) * TimeSpans.MINUTE);
                                } else {
                                    token.setNull(5, java.sql.Types.INTEGER);
                                }
                                token.executeUpdate();
                            }
                            for (String state : List.of("checked-in", "no-show")) {
                                book.setString(1, "Y" + ++made);
                                book.setString(2, service);
                                book.setString(3, day);
                                book.setString(4, state);
                                book.executeUpdate();
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    private List<String> plans() {
        List<String> out = new ArrayList<>();
        for (String sql : List.of(SqlQueueStore.WAITS, SqlAppointmentStore.BOOKED)) {
            for (List<Object> row : rows("EXPLAIN QUERY PLAN " + sql.replace("?", "'2026-01-01'"))) {
                out.add(String.valueOf(row.get(row.size() - 1)));
            }
        }
        return out;
    }

    /** The rows of sums in the year's day range: what the searches on their primary keys (day first) step through. */
    private long yearRows() {
        String to = FIRST.plusDays(364).toString();
        return (Long) rows("SELECT COUNT(*) FROM figure_queue_day WHERE day >= '" + FIRST + "' AND day <= '" + to + "'")
                .get(0).get(0) + (Long) rows("SELECT COUNT(*) FROM figure_appointment_day WHERE day >= '" + FIRST
                + "' AND day <= '" + to + "'").get(0).get(0);
    }

    /**
     * Per day, {@code each} tokens and appointments of random services, taken in the day; most tokens called after a
     * random wait (up to 8 hours), some called again, moved to another service or day, or deleted; appointments
     * booked and moved through random states.
     */
    private void fill(Random random, int each, int days) {
        db.write("fill", c -> {
            try (PreparedStatement token = c.prepareStatement("INSERT INTO queue_token (day, letter, seq, service_id,"
                    + " category, state, taken_at) VALUES (?, 'A', ?, ?, 'x', 'waiting', ?) RETURNING id");
                    PreparedStatement call = c.prepareStatement("UPDATE queue_token SET state = 'called', called_at = ?"
                            + " WHERE id = ?");
                    PreparedStatement move = c.prepareStatement("UPDATE queue_token SET service_id = ?, day = ? WHERE id = ?");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM queue_token WHERE id = ?");
                    PreparedStatement slot = c.prepareStatement("INSERT INTO appointment_slot (service_id, day, start,"
                            + " capacity) VALUES (?, ?, '09:00', 1000000) ON CONFLICT DO NOTHING");
                    PreparedStatement book = c.prepareStatement("INSERT INTO appointment (code, service_id, day, start,"
                            + " slot_end, cnic, state, booked_at, changed_at) VALUES (?, ?, ?, '09:00', '09:15',"
                            + " '6110112345671', ?, 0, 0)");
                    PreparedStatement state = c.prepareStatement("UPDATE appointment SET state = ? WHERE code = ?")) {
                for (int d = 0; d < days; d++) {
                    String day = FIRST.plusDays(d).toString();
                    long dayStart = FIRST.plusDays(d).toEpochDay() * TimeSpans.DAY;
                    for (int i = 0; i < each; i++) {
                        String service = SERVICES.get(random.nextInt(SERVICES.size()));
                        long taken = dayStart + random.nextInt(10 * 3600) * 1000L;
                        token.setString(1, day);
                        token.setInt(2, ++made);
                        token.setString(3, service);
                        token.setLong(4, taken);
                        long id;
                        try (ResultSet r = token.executeQuery()) {
                            r.next();
                            id = r.getLong(1);
                        }
                        int fate = random.nextInt(20);
                        if (fate > 2) {
                            call.setLong(1, taken + (long) (random.nextDouble() * 8 * TimeSpans.HOUR));
                            call.setLong(2, id);
                            call.executeUpdate();
                        }
                        if (fate == 4) { // called again, later
                            call.setLong(1, taken + TimeSpans.HOUR + random.nextInt(3600) * 1000L);
                            call.setLong(2, id);
                            call.executeUpdate();
                        } else if (fate == 5 || fate == 1) { // moved to another service and day
                            move.setString(1, SERVICES.get(random.nextInt(SERVICES.size())));
                            move.setString(2, FIRST.plusDays(random.nextInt(days)).toString());
                            move.setLong(3, id);
                            move.executeUpdate();
                        } else if (fate == 6) {
                            delete.setLong(1, id);
                            delete.executeUpdate();
                        }
                        slot.setString(1, service);
                        slot.setString(2, day);
                        slot.executeUpdate();
                        String code = "C" + made;
                        book.setString(1, code);
                        book.setString(2, service);
                        book.setString(3, day);
                        book.setString(4, STATES.get(random.nextInt(STATES.size())));
                        book.executeUpdate();
                        for (int n = random.nextInt(3); n > 0; n--) {
                            state.setString(1, STATES.get(random.nextInt(STATES.size())));
                            state.setString(2, code);
                            state.executeUpdate();
                        }
                    }
                }
            }
            return null;
        });
    }

    /** The waits as the tokens give them, each in its span (TimeSpans in Java), sorted as the store sorts. */
    private static List<Waits> waitsOfTokens(List<QueueToken> tokens) {
        Map<String, Integer> counted = new TreeMap<>();
        for (QueueToken t : tokens) {
            long upTo = t.calledAt() == null ? -1 : TimeSpans.upTo(t.calledAt().toEpochMilli() - t.takenAt().toEpochMilli());
            counted.merge(t.serviceId() + "|" + String.format("%020d", upTo + 1), 1, Integer::sum);
        }
        List<Waits> out = new ArrayList<>();
        counted.forEach((k, n) -> {
            long upTo = Long.parseLong(k.substring(k.indexOf('|') + 1)) - 1;
            out.add(new Waits(k.substring(0, k.indexOf('|')), upTo < 0 ? null : Duration.ofMillis(TimeSpans.above(upTo)),
                    upTo < 0 ? null : Duration.ofMillis(upTo), n));
        });
        return out;
    }

    private static List<Waits> sorted(List<Waits> waits) {
        return waits.stream().sorted(java.util.Comparator.comparing(Waits::serviceId)
                .thenComparing(w -> w.upTo() == null ? -1 : w.upTo().toMillis())).toList();
    }

    private static List<Booked> bookedOf(List<Appointment> list) {
        Map<String, int[]> counted = new TreeMap<>();
        for (Appointment a : list) {
            int[] n = counted.computeIfAbsent(a.serviceId(), k -> new int[2]);
            n[0] += Appointment.CANCELLED.equals(a.state()) ? 0 : 1;
            n[1] += Appointment.NO_SHOW.equals(a.state()) || Appointment.LATE.equals(a.state()) ? 1 : 0;
        }
        List<Booked> out = new ArrayList<>();
        counted.forEach((service, n) -> {
            if (n[0] > 0) {
                out.add(new Booked(service, n[0], n[1]));
            }
        });
        return out;
    }

    private List<List<Object>> rows(String sql) {
        return db.read("read rows", null, c -> {
            List<List<Object>> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        row.add(v instanceof Integer n ? Long.valueOf(n) : v);
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    private static String script() throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("V9__figure_queue_days.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
