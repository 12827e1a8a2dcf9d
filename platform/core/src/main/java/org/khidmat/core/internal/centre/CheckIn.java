package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.ArrivalResult;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen's arrival at a kiosk with an appointment: under a lock on the appointment (two kiosks, on any nodes, never
 * give one appointment two tokens), the {@link ArrivalTiming arrival rules}, then a queue token, the appointment moved
 * on and audited.
 */
final class CheckIn {
    // the lines keep the category of the desk they were written by before, for the operators' log filters
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentDesk.class);
    private final AppointmentStore store;
    private final Queue queue;
    private final AuditLog audit;
    private final DatabaseLocks locks;
    private final Clock clock;
    private final Supplier<AppointmentRules> rules;
    private final Supplier<LocalDateTime> now;

    /** @param now the time in the centre's zone */
    CheckIn(AppointmentStore store, Queue queue, AuditLog audit, DatabaseLocks locks, Clock clock,
            Supplier<AppointmentRules> rules, Supplier<LocalDateTime> now) {
        this.store = store;
        this.queue = queue;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
        this.rules = rules;
        this.now = now;
    }

    /** @param code the code of an appointment found for the CNIC given */
    ArrivalResult arrive(String code) {
        try (DatabaseLocks.Held lock = locks.hold("appointment:" + code)) {
            Appointment a = store.find(code).orElseThrow();
            if (Appointment.CHECKED_IN.equals(a.state())) {
                return new ArrivalResult(ArrivalResult.Outcome.ALREADY_CHECKED_IN, AppointmentDesk.masked(a),
                        queue.token(a.tokenId()).orElse(null), "you are checked in already");
            }
            ArrivalTiming.Verdict timing = ArrivalTiming.of(a, now.get(), rules.get());
            if (timing.outcome() == ArrivalResult.Outcome.TOO_LATE) {
                store.move(a.code(), Appointment.BOOKED, Appointment.LATE, clock.instant(), 0);
                audit.append("citizen", "appointment.late", a.code(), a.serviceId());
                return new ArrivalResult(timing.outcome(), AppointmentDesk.masked(store.find(a.code()).orElseThrow()),
                        null, timing.message());
            }
            if (timing.outcome() != ArrivalResult.Outcome.CHECKED_IN) {
                return new ArrivalResult(timing.outcome(), AppointmentDesk.masked(a), null, timing.message());
            }
            QueueToken token = queue.checkIn(a.serviceId(), a.reference(), a.code());
            store.move(a.code(), Appointment.BOOKED, Appointment.CHECKED_IN, clock.instant(), token.id());
            audit.append("citizen", "appointment.arrive", a.code(), "token " + token.number());
            LOG.info("appointment {} checked in: token {}", a.code(), token.number());
            return new ArrivalResult(ArrivalResult.Outcome.CHECKED_IN,
                    AppointmentDesk.masked(store.find(a.code()).orElseThrow()), token,
                    "checked in: your token is " + token.number());
        }
    }
}
