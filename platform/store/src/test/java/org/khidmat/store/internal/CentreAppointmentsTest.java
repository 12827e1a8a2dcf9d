package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Appointment;

/** Appointment slots per centre, over one database file opened by two store instances (two nodes). */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreAppointmentsTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @TempDir
    Path dir;
    private Database nodeA;
    private Database nodeB;
    private SqlAppointmentStore islamabad;
    private SqlAppointmentStore lahore;

    @BeforeEach
    void open() {
        nodeA = engine.open(dir);
        nodeB = engine.open(dir);
        islamabad = new SqlAppointmentStore(nodeA);
        lahore = new SqlAppointmentStore(nodeB);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    private static Appointment appointment(String code, String cnic) {
        return new Appointment(code, "nadra.cnic", DAY, NINE, NINE.plusMinutes(30), cnic, null, Appointment.BOOKED, T, T, 0);
    }

    @Test
    void eachCentreFillsItsOwnSlots() {
        assertTrue(islamabad.book("isb-g11", appointment("I1", "3520212345601"), 2));
        assertTrue(lahore.book("isb-g11", appointment("I2", "3520212345602"), 2), "a second node of the same centre");
        assertFalse(islamabad.book("isb-g11", appointment("I3", "3520212345603"), 2), "Islamabad's 9:00 is full");
        assertTrue(lahore.book("lhr-01", appointment("L1", "3520212345604"), 2), "Lahore's 9:00 is its own");
        assertEquals(Map.of(NINE, 2), lahore.booked("isb-g11", "nadra.cnic", DAY));
        assertEquals(Map.of(NINE, 1), islamabad.booked("lhr-01", "nadra.cnic", DAY));
        assertEquals(List.of("I1", "I2"), islamabad.onDay("isb-g11", DAY).stream().map(Appointment::code).toList());
        assertEquals(List.of("L1"), islamabad.onDay("lhr-01", DAY).stream().map(Appointment::code).toList());
        assertTrue(islamabad.find("lhr-01", "I1").isEmpty(), "Islamabad's appointment is not Lahore's");
        assertTrue(islamabad.find("isb-g11", "I1").isPresent());

        assertTrue(lahore.move("I1", Appointment.BOOKED, Appointment.CANCELLED, T, 0));
        assertEquals(Map.of(NINE, 1), islamabad.booked("isb-g11", "nadra.cnic", DAY), "the place goes back to its centre");
        assertEquals(Map.of(NINE, 1), islamabad.booked("lhr-01", "nadra.cnic", DAY));
        assertEquals(List.of("I2"), islamabad.bookedUpTo("isb-g11", DAY).stream().map(Appointment::code).toList());
    }
}
