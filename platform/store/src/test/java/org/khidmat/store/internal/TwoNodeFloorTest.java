package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.AuditNote;

/**
 * Two store instances over one database file stand for two nodes: with no lock in any JVM, the database's constraints
 * alone keep a slot's capacity and one payment per application, whatever the threads of both do.
 */
class TwoNodeFloorTest {
    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    @TempDir
    Path dir;
    private SqliteDatabase a;
    private SqliteDatabase b;

    @BeforeEach
    void open() {
        a = SqliteDatabase.open(dir.resolve("shared.db"));
        b = SqliteDatabase.open(dir.resolve("shared.db"));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void bookingsFromTwoNodesNeverExceedASlotsCapacity() throws Exception {
        SqlAppointmentStore onA = new SqlAppointmentStore(a);
        SqlAppointmentStore onB = new SqlAppointmentStore(b);
        List<Callable<Boolean>> bookings = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String n = String.format("%02d", i);
            SqlAppointmentStore node = i % 2 == 0 ? onA : onB;
            bookings.add(() -> node.book(new Appointment("C" + n, "nadra.cnic", DAY, NINE, NINE.plusMinutes(30),
                    "35202123456" + n, null, Appointment.BOOKED, T, T, 0), 5));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int booked = 0;
        for (Future<Boolean> f : pool.invokeAll(bookings)) {
            booked += f.get() ? 1 : 0;
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(5, booked, "exactly the capacity is booked");
        assertEquals(5, onB.onDay(DAY).size());
        assertEquals(5, onA.booked("nadra.cnic", DAY).get(NINE));
    }

    @Test
    void paymentsFromTwoNodesNeverDoubleForOneApplication() throws Exception {
        new SqlApplicationStore(a, TestChain.of(a)).create(new ApplicationRecord("KM7Q-4XPA-K", "nadra.cnic", 1,
                "nadra", "3520212345671", "normal", Map.of(), "submitted", "none", T, T),
                new StatusChange("KM7Q-4XPA-K", T, "citizen", null, "submitted", null));
        SqlPaymentStore onA = new SqlPaymentStore(a, TestChain.of(a));
        SqlPaymentStore onB = new SqlPaymentStore(b, TestChain.of(b));
        List<Callable<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            SqlPaymentStore node = i % 2 == 0 ? onA : onB;
            String providerRef = "W-" + i;
            starts.add(() -> node.add(new Payment("KM7Q-4XPA-K", "nadra.cnic", "nadra", "normal", 750, "simpay.wallet",
                    providerRef, null, Payment.PENDING, T, null, null),
                    AuditNote.of("citizen", "payment.start", "KM7Q-4XPA-K", providerRef)).added());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int added = 0;
        for (Future<Boolean> f : pool.invokeAll(starts)) {
            added += f.get() ? 1 : 0;
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(1, added, "one payment per application, whichever node stored it");
        assertEquals(Long.valueOf(1), a.read("t", c -> {
            try (var q = c.createStatement(); var rows = q.executeQuery("SELECT count(*) FROM payment")) {
                rows.next();
                return rows.getLong(1);
            }
        }));
        assertEquals(1, new SqlAuditLog(b, TestChain.of(b)).search("payment.start", 100).size(),
                "and one audit entry: the losers' entries rolled back with them");
    }
}
