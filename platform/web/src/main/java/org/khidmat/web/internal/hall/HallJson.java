package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.page.ServiceJson;

import java.time.Instant;
import java.util.Map;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.Slot;

/**
 * The hall's JSON shapes. A token's application reference and appointment code are for staff only: token ids are
 * counted up, so anyone can ask for any token, and a reference is half of what tracks an application.
 */
public final class HallJson {
    private HallJson() {
    }

    public static Map<String, Object> token(TokenStatus s, boolean staff) {
        var t = s.token();
        Map<String, Object> m = ServiceJson.ordered("id", t.id(), "number", t.number(), "service", t.serviceId(), "category",
                t.category(), "state", t.state(), "counter", t.counter() == 0 ? null : t.counter(), "day", t.day().toString(),
                "takenAt", time(t.takenAt()), "calledAt", time(t.calledAt()), "finishedAt", time(t.finishedAt()),
                "withAppointment", t.appointment() != null, "withApplication", t.reference() != null, "ahead", s.ahead(),
                "estimatedWaitMinutes", s.minutes().orElse(null), "page", "/queue/tokens/" + t.id());
        if (staff) {
            m.put("reference", t.reference());
            m.put("appointment", t.appointment());
        }
        return m;
    }

    /** The appointment for the citizen who gave its code and CNIC; the CNIC masked all the same. */
    public static Map<String, Object> appointment(Appointment a) {
        return ServiceJson.ordered("code", a.code(), "service", a.serviceId(), "day", a.day().toString(), "start",
                a.start().format(AppointmentPages.HH_MM), "end", a.end().format(AppointmentPages.HH_MM), "cnic", mask(a.cnic()),
                "reference", a.reference(), "state", a.state(), "tokenId", a.tokenId() == 0 ? null : a.tokenId());
    }

    public static Map<String, Object> slot(Slot s) {
        return ServiceJson.ordered("start", s.start().format(AppointmentPages.HH_MM), "end", s.end().format(AppointmentPages.HH_MM),
                "capacity", s.capacity(), "booked", s.booked(), "free", s.free());
    }

    public static Map<String, Object> rules(AppointmentRules r, String serviceId) {
        return ServiceJson.ordered("opens", r.opens().format(AppointmentPages.HH_MM), "closes",
                r.closes().format(AppointmentPages.HH_MM), "slotMinutes", r.slot().toMinutes(), "capacity", r.capacity(serviceId),
                "earliestMinutes", r.earliest().toMinutes(), "latestMinutes", r.latest().toMinutes(), "daysAhead", r.daysAhead());
    }

    /** @return {@code 61101-*******-1}; a CNIC the appointments service masked already stays as it is */
    static String mask(String cnic) {
        if (cnic != null && cnic.contains("*")) {
            return cnic;
        }
        return cnic != null && cnic.length() == 13 ? cnic.substring(0, 5) + "-*******-" + cnic.charAt(12) : "*************";
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
