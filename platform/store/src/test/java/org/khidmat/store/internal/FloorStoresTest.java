package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.QueueToken;

/** Appointments, check-in tokens and the message outbox against a real SQLite file (schema version 4). */
@ParameterizedClass
@EnumSource(Engine.class)
class FloorStoresTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @TempDir
    Path dir;
    private Database db;
    private SqlAppointmentStore appointments;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        appointments = new SqlAppointmentStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Appointment appointment(String code, String cnic) {
        return new Appointment(code, "nadra.cnic", DAY, NINE, NINE.plusMinutes(30), cnic, null, Appointment.BOOKED, T, T, 0);
    }

    @Test
    void concurrentBookingsNeverOverbookASlot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> bookings = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String n = String.format("%02d", i);
            bookings.add(() -> appointments.book(appointment("C" + n, "35202123456" + n), 5));
        }
        int booked = 0;
        for (Future<Boolean> f : pool.invokeAll(bookings)) {
            booked += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(5, booked, "exactly the capacity is booked");
        assertEquals(5, appointments.onDay(DAY).size(), "and exactly that many appointments are stored");
        assertEquals(5, appointments.booked("nadra.cnic", DAY).get(NINE));
    }

    @Test
    void cancellingGivesThePlaceBackAndOnlyOnce() {
        assertTrue(appointments.book(appointment("A1", "3520212345671"), 1));
        assertFalse(appointments.book(appointment("A2", "3520212345672"), 1), "full");
        assertTrue(appointments.move("A1", Appointment.BOOKED, Appointment.CANCELLED, T, 0));
        assertFalse(appointments.move("A1", Appointment.BOOKED, Appointment.CANCELLED, T, 0), "not booked any more");
        assertEquals(0, appointments.booked("nadra.cnic", DAY).get(NINE));
        assertTrue(appointments.book(appointment("A2", "3520212345672"), 1), "the place is free again");
        assertEquals(List.of("A2"), appointments.bookedBy("3520212345672", "nadra.cnic", DAY).stream()
                .map(Appointment::code).toList());
        assertTrue(appointments.move("A2", Appointment.BOOKED, Appointment.CHECKED_IN, T, 42));
        assertEquals(42, appointments.find("A2").orElseThrow().tokenId());
        assertEquals(1, appointments.booked("nadra.cnic", DAY).get(NINE), "a check-in keeps its place");
        assertEquals(List.of(), appointments.bookedUpTo(DAY));
    }

    @Test
    void checkedInAppointmentsAreCalledBeforeWalkIns() {
        SqlQueueStore queue = new SqlQueueStore(db);
        QueueToken walkIn = queue.take(DAY, "nadra.cnic", "identity", null, null, T);
        QueueToken booked = queue.take(DAY, "nadra.cnic", "identity", null, "A1", T.plusSeconds(60));
        assertEquals("A1", booked.appointment());
        assertEquals(booked.id(), queue.callNext(DAY, List.of(), 1, T.plusSeconds(61)).orElseThrow().id());
        assertEquals(walkIn.id(), queue.callNext(DAY, List.of(), 2, T.plusSeconds(62)).orElseThrow().id());
        assertTrue(queue.attach(walkIn.id(), "KM7Q-4XPA-K"));
        assertEquals("KM7Q-4XPA-K", queue.token(walkIn.id()).orElseThrow().reference());
        assertFalse(queue.attach(999, "KM7Q-4XPA-K"));
    }

    @Test
    void outboxKeepsEachAttempt() {
        SqlNotificationStore outbox = new SqlNotificationStore(db);
        Notification n = outbox.add(new Notification(0, "KM7Q-4XPA-K", "submitted", "sms", "03001234567", "hello",
                Notification.QUEUED, null, null, 0, T, null, null));
        assertTrue(n.id() > 0);
        assertEquals(List.of(n.id()), outbox.queued().stream().map(Notification::id).toList());
        outbox.update(n.id(), Notification.QUEUED, null, null, 1, null, "no sms provider is deployed");
        outbox.update(n.id(), Notification.SENT, "simnotify.sms", "SIM-1", 2, T.plusSeconds(5), null);
        Notification sent = outbox.forReference("KM7Q-4XPA-K").get(0);
        assertEquals(Notification.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertEquals("SIM-1", sent.providerReference());
        assertEquals(T.plusSeconds(5), sent.sentAt());
        assertEquals(List.of(), outbox.queued());
        assertEquals(1, outbox.recent(10).size());
    }
}
