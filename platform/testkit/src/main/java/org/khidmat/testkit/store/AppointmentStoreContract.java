package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.CNIC;
import static org.khidmat.testkit.store.Samples.T;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.AppointmentStore;

/** {@link AppointmentStore}: capacity never exceeded, also by bookings at once on two nodes; places given back. */
public abstract class AppointmentStoreContract extends StoreContract {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 9);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime TEN = LocalTime.of(10, 0);

    private static Appointment appointment(String code, LocalDate day, LocalTime start, String cnic, int secondsAfterT) {
        return new Appointment(code, "dgip.passport", day, start, start.plusMinutes(30), cnic, null, Appointment.BOOKED,
                T.plusSeconds(secondsAfterT), T.plusSeconds(secondsAfterT), 0);
    }

    private static String code(int n) {
        return String.format("APPT-%04d-K", n);
    }

    @Test
    public void aSlotTakesBookingsUpToItsCapacityAndNoMore() {
        assertTrue(stores.appointments().book(appointment(code(1), DAY, NINE, CNIC, 0), 2));
        assertTrue(stores.appointments().book(appointment(code(2), DAY, NINE, "4210100000001", 1), 2));
        assertFalse(stores.appointments().book(appointment(code(3), DAY, NINE, "4210100000002", 2), 2), "full");
        assertFalse(stores.appointments().book(appointment(code(4), DAY, NINE, "4210100000003", 3), 5),
                "the capacity recorded at the first booking stays");
        assertFalse(stores.appointments().book(appointment(code(5), DAY, TEN, CNIC, 4), 0), "a slot of no places");

        assertEquals(Map.of(NINE, 2), withoutEmpty(stores.appointments().booked("dgip.passport", DAY)));
        assertEquals(Optional.empty(), stores.appointments().find(code(3)), "nothing stored for a full slot");
        assertEquals(appointment(code(1), DAY, NINE, CNIC, 0), stores.appointments().find(code(1)).orElseThrow());
        assertEquals(Map.of(), withoutEmpty(stores.appointments().booked("dgip.passport", DAY.plusDays(1))));
    }

    @Test
    public void ofManyBookingTheLastPlaceAtOnceOnTwoNodesExactlyOneGetsIt() {
        assertTrue(stores.appointments().book(appointment(code(100), DAY, NINE, CNIC, 0), 3));
        assertTrue(stores.appointments().book(appointment(code(101), DAY, NINE, CNIC, 0), 3));

        List<Boolean> booked = Together.run(8, stores, (t, node) ->
                node.appointments().book(appointment(code(t), DAY, NINE, "42101000000" + (10 + t), t), 3));

        assertEquals(1, booked.stream().filter(b -> b).count(), "exactly one takes the last place: " + booked);
        assertEquals(Map.of(NINE, 3), stores.appointments().booked("dgip.passport", DAY));
        assertEquals(3, stores.appointments().onDay(DAY).size(), "three appointments stored, as many as places");
    }

    @Test
    public void aCancelledOrLateAppointmentGivesItsPlaceBackAndAMoveIsMadeOnlyFromItsState() {
        stores.appointments().book(appointment(code(1), DAY, NINE, CNIC, 0), 2);
        stores.appointments().book(appointment(code(2), DAY, NINE, CNIC, 1), 2);
        stores.appointments().book(appointment(code(3), DAY, TEN, CNIC, 2), 2);

        assertTrue(stores.appointments().move(code(1), Appointment.BOOKED, Appointment.CANCELLED, T.plusSeconds(60), 0));
        assertFalse(stores.appointments().move(code(1), Appointment.BOOKED, Appointment.CANCELLED, T.plusSeconds(61), 0),
                "not booked any more");
        assertFalse(stores.appointments().move(code(9), Appointment.BOOKED, Appointment.CANCELLED, T, 0), "unknown");
        assertTrue(stores.appointments().move(code(2), Appointment.BOOKED, Appointment.LATE, T.plusSeconds(62), 0));
        assertTrue(stores.appointments().move(code(3), Appointment.BOOKED, Appointment.CHECKED_IN, T.plusSeconds(63), 42));

        assertEquals(Map.of(TEN, 1), withoutEmpty(stores.appointments().booked("dgip.passport", DAY)));
        Appointment checkedIn = stores.appointments().find(code(3)).orElseThrow();
        assertEquals(Appointment.CHECKED_IN, checkedIn.state());
        assertEquals(42, checkedIn.tokenId());
        assertEquals(T.plusSeconds(63), checkedIn.changedAt());
        assertTrue(stores.appointments().move(code(3), Appointment.CHECKED_IN, Appointment.NO_SHOW, T.plusSeconds(64), 0));
        assertEquals(42, stores.appointments().find(code(3)).orElseThrow().tokenId(), "0 keeps the token it has");
        assertTrue(stores.appointments().book(appointment(code(4), DAY, NINE, CNIC, 5), 2), "the places came back");
    }

    @Test
    public void ofOneCancellationSentAtOnceOnTwoNodesExactlyOneGivesThePlaceBack() {
        stores.appointments().book(appointment(code(1), DAY, NINE, CNIC, 0), 2);
        stores.appointments().book(appointment(code(2), DAY, NINE, CNIC, 1), 2);

        List<Boolean> moved = Together.run(8, stores, (t, node) -> node.appointments()
                .move(code(1), Appointment.BOOKED, Appointment.CANCELLED, T.plusSeconds(60 + t), 0));

        assertEquals(1, moved.stream().filter(b -> b).count(), "exactly one cancels it: " + moved);
        assertEquals(Map.of(NINE, 1), stores.appointments().booked("dgip.passport", DAY), "one place given back, once");
    }

    @Test
    public void appointmentsAreListedByDayThenSlotThenBookingTime() {
        stores.appointments().book(appointment(code(1), DAY, TEN, CNIC, 0), 5);
        stores.appointments().book(appointment(code(2), DAY, NINE, CNIC, 9), 5);
        stores.appointments().book(appointment(code(3), DAY, NINE, "4210100000001", 3), 5);
        stores.appointments().book(appointment(code(4), DAY.plusDays(1), NINE, CNIC, 1), 5);
        stores.appointments().book(appointment(code(5), DAY.minusDays(1), TEN, CNIC, 2), 5);
        stores.appointments().move(code(1), Appointment.BOOKED, Appointment.CANCELLED, T.plusSeconds(30), 0);

        assertEquals(List.of(code(3), code(2), code(1)), codes(stores.appointments().onDay(DAY)), "cancelled too");
        List<Appointment> between = stores.appointments().between(DAY.minusDays(1), DAY.plusDays(1));
        assertEquals(Set.of(code(1), code(2), code(3), code(4), code(5)), Set.copyOf(codes(between)), "both days inclusive");
        assertByDayAndSlot(between);
        assertEquals(List.of(code(5)), codes(stores.appointments().between(DAY.minusDays(1), DAY.minusDays(1))));
        List<Appointment> due = stores.appointments().bookedUpTo(DAY);
        assertEquals(Set.of(code(5), code(2), code(3)), Set.copyOf(codes(due)), "booked ones up to the day");
        assertByDayAndSlot(due);
        assertEquals(Set.of(code(2), code(4)), Set.copyOf(codes(stores.appointments().bookedBy(CNIC, "dgip.passport", DAY))),
                "the CNIC's booked ones from the day on");
        assertEquals(List.of(), stores.appointments().bookedBy(CNIC, "nadra.cnic-renewal", DAY));
    }

    private static void assertByDayAndSlot(List<Appointment> list) {
        List<String> keys = list.stream().map(a -> a.day() + " " + a.start()).toList();
        assertEquals(keys.stream().sorted().toList(), keys, "by day and slot");
    }

    @Test
    public void aCodeAlreadyBookedIsRefusedAndTheSlotKeepsItsPlace() {
        stores.appointments().book(appointment(code(1), DAY, NINE, CNIC, 0), 2);

        assertThrows(StoreException.class, () -> stores.appointments().book(appointment(code(1), DAY, NINE, CNIC, 5), 2));

        assertEquals(Map.of(NINE, 1), stores.appointments().booked("dgip.passport", DAY));
    }

    @Test
    public void anAppointmentLackingACnicOrATimeStoresNothingAndTakesNoPlace() {
        Appointment a = appointment(code(1), DAY, NINE, CNIC, 0);
        for (Appointment bad : List.of(appointment(code(1), DAY, NINE, null, 0),
                new Appointment(a.code(), a.serviceId(), a.day(), a.start(), a.end(), a.cnic(), null, a.state(), null,
                        a.changedAt(), 0))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> stores.appointments().book(bad, 1));
            assertRefusal(e);
        }

        assertEquals(Optional.empty(), stores.appointments().find(code(1)));
        assertEquals(Map.of(), withoutEmpty(stores.appointments().booked("dgip.passport", DAY)), "no place taken");
        assertTrue(stores.appointments().book(appointment(code(2), DAY, NINE, CNIC, 1), 1), "the one place is free");
    }

    private static Map<LocalTime, Integer> withoutEmpty(Map<LocalTime, Integer> booked) {
        return booked.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> codes(List<Appointment> list) {
        return list.stream().map(Appointment::code).toList();
    }
}
