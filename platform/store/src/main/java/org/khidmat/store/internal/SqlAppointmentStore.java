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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.store.AppointmentStore;

/**
 * Appointments ({@code appointment}) and their slots' counts ({@code appointment_slot}), per centre. A booking raises the slot's
 * count with {@code booked < capacity} in its WHERE clause and stores the appointment in the same transaction, so
 * concurrent bookings (on this node, or on many nodes sharing one database) never overbook.
 */
@Component(service = AppointmentStore.class)
public final class SqlAppointmentStore implements AppointmentStore {
    private static final String COLUMNS = "code, service_id, day, start, slot_end, cnic, reference, state, booked_at,"
            + " changed_at, token_id";
    private final Database database;

    @Activate
    public SqlAppointmentStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public boolean book(String centre, Appointment a, int capacity) {
        return database.write("book an appointment for " + a.serviceId(), c -> {
            try (PreparedStatement slot = c.prepareStatement("INSERT INTO appointment_slot (centre, service_id, day, start,"
                    + " capacity) VALUES (?, ?, ?, ?, ?) ON CONFLICT (centre, service_id, day, start) DO NOTHING")) {
                slotKey(slot, centre, a.serviceId(), a.day(), a.start());
                slot.setInt(5, Math.max(0, capacity));
                slot.executeUpdate();
            }
            try (PreparedStatement take = c.prepareStatement("UPDATE appointment_slot SET booked = booked + 1"
                    + " WHERE centre = ? AND service_id = ? AND day = ? AND start = ? AND booked < capacity")) {
                slotKey(take, centre, a.serviceId(), a.day(), a.start());
                if (take.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO appointment (" + COLUMNS
                    + ", centre) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(12, centre);
                insert.setString(1, a.code());
                insert.setString(2, a.serviceId());
                insert.setString(3, a.day().toString());
                insert.setString(4, a.start().toString());
                insert.setString(5, a.end().toString());
                insert.setString(6, a.cnic());
                insert.setString(7, a.reference());
                insert.setString(8, a.state());
                insert.setLong(9, millis(a.bookedAt()));
                insert.setLong(10, millis(a.changedAt()));
                insert.setLong(11, a.tokenId());
                insert.executeUpdate();
            }
            return true;
        });
    }

    private static void slotKey(PreparedStatement s, String centre, String serviceId, LocalDate day, LocalTime start)
            throws SQLException {
        s.setString(1, centre);
        s.setString(2, serviceId);
        s.setString(3, day.toString());
        s.setString(4, start.toString());
    }

    @Override
    public Map<LocalTime, Integer> booked(String centre, String serviceId, LocalDate day) {
        return database.read("read the slots of " + serviceId, c -> {
            Map<LocalTime, Integer> out = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT start, booked FROM appointment_slot WHERE centre = ? AND service_id = ? AND day = ?")) {
                q.setString(1, centre);
                q.setString(2, serviceId);
                q.setString(3, day.toString());
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.put(LocalTime.parse(rows.getString(1)), rows.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Appointment> find(String code) {
        return database.read("read an appointment", c -> find(c, code));
    }

    @Override
    public Optional<Appointment> find(String centre, String code) {
        List<Appointment> found = list("SELECT " + COLUMNS + " FROM appointment WHERE code = ? AND centre = ?", code,
                centre);
        return found.stream().findFirst();
    }

    private static Optional<Appointment> find(Connection c, String code) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM appointment WHERE code = ?")) {
            q.setString(1, code);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(appointment(rows)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Appointment> bookedBy(String cnic, String serviceId, LocalDate from) {
        return list("SELECT " + COLUMNS + " FROM appointment WHERE cnic = ? AND service_id = ? AND state = 'booked'"
                + " AND day >= ? ORDER BY day, start", cnic, serviceId, from.toString());
    }

    @Override
    public boolean move(String code, String from, String to, Instant at, long tokenId) {
        return database.write("change an appointment", c -> {
            Optional<Appointment> found = find(c, code);
            if (found.isEmpty() || !found.get().state().equals(from)) {
                return false;
            }
            String centre;
            try (PreparedStatement q = c.prepareStatement("SELECT centre FROM appointment WHERE code = ?")) {
                q.setString(1, code);
                try (ResultSet rows = q.executeQuery()) {
                    rows.next();
                    centre = rows.getString(1);
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE appointment SET state = ?, changed_at = ?,"
                    + " token_id = CASE WHEN ? = 0 THEN token_id ELSE ? END WHERE code = ? AND state = ?")) {
                update.setString(1, to);
                update.setLong(2, millis(at));
                update.setLong(3, tokenId);
                update.setLong(4, tokenId);
                update.setString(5, code);
                update.setString(6, from);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            if (Appointment.CANCELLED.equals(to) || Appointment.LATE.equals(to)) {
                Appointment a = found.get();
                try (PreparedStatement free = c.prepareStatement("UPDATE appointment_slot SET booked = booked - 1"
                        + " WHERE centre = ? AND service_id = ? AND day = ? AND start = ? AND booked > 0")) {
                    slotKey(free, centre, a.serviceId(), a.day(), a.start());
                    free.executeUpdate();
                }
            }
            return true;
        });
    }

    @Override
    public List<Appointment> onDay(String centre, LocalDate day) {
        return list("SELECT " + COLUMNS + " FROM appointment WHERE centre = ? AND day = ? ORDER BY start, booked_at, code",
                centre, day.toString());
    }

    @Override
    public List<Appointment> bookedUpTo(String centre, LocalDate day) {
        return list("SELECT " + COLUMNS + " FROM appointment WHERE centre = ? AND state = 'booked' AND day <= ?"
                + " ORDER BY day, start, code", centre, day.toString());
    }

    @Override
    public List<Appointment> between(String centre, LocalDate from, LocalDate to) {
        if (centre == null) {
            return list("SELECT " + COLUMNS + " FROM appointment WHERE day >= ? AND day <= ? ORDER BY day, start, code",
                    from.toString(), to.toString());
        }
        return list("SELECT " + COLUMNS + " FROM appointment WHERE centre = ? AND day >= ? AND day <= ?"
                + " ORDER BY day, start, code", centre, from.toString(), to.toString());
    }

    /** The appointments of a period of days (ISO days, first and last) from the sums kept per day and centre. */
    static final String BOOKED = "SELECT service_id, SUM(booked), SUM(missed) FROM figure_appointment_day"
            + " WHERE day >= ? AND day <= ? GROUP BY service_id HAVING SUM(booked) > 0 ORDER BY service_id";

    /**
     * From the counts kept per day ({@code figure_appointment_day}, schema 9, per centre since 12), not the
     * appointments; the country's sums every centre's.
     */
    @Override
    public List<Booked> booked(String centre, LocalDate from, LocalDate to) {
        return database.read("read the appointments' counts", c -> {
            try (PreparedStatement q = c.prepareStatement(centre == null ? BOOKED
                    : BOOKED.replace(" GROUP BY", " AND centre = ? GROUP BY"))) {
                q.setString(1, from.toString());
                q.setString(2, to.toString());
                if (centre != null) {
                    q.setString(3, centre);
                }
                List<Booked> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.add(new Booked(rows.getString(1), rows.getInt(2), rows.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    private List<Appointment> list(String sql, String... values) {
        return database.read("read appointments", c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    q.setString(i + 1, values[i]);
                }
                List<Appointment> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.add(appointment(rows));
                    }
                }
                return out;
            }
        });
    }

    private static Appointment appointment(ResultSet rows) throws SQLException {
        return new Appointment(rows.getString(1), rows.getString(2), LocalDate.parse(rows.getString(3)),
                LocalTime.parse(rows.getString(4)), LocalTime.parse(rows.getString(5)), rows.getString(6),
                rows.getString(7), rows.getString(8), Instant.ofEpochMilli(rows.getLong(9)),
                Instant.ofEpochMilli(rows.getLong(10)), rows.getLong(11));
    }
}
