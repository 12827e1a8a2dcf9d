package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.page.FormProblem;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Slot;

/** What the appointment pages' templates ({@code hall/appointments.jte} and the others) are given. */
final class AppointmentViews {
    private AppointmentViews() {
    }

    /** The services to book for, searched by {@code words}. */
    record Services(String words, Map<String, List<CatalogueEntry>> groups) {
    }

    /** The days a service can be booked on. */
    record Days(CatalogueEntry service, List<LocalDate> days) {
    }

    /** The times of a day with their free places. */
    record Slots(CatalogueEntry service, LocalDate day, List<Slot> slots) {
        static String key(LocalTime t) {
            return t.format(AppointmentPages.HH_MM).replace(":", "");
        }
    }

    /** The CNIC and optional reference for a chosen time, with what was wrong with them. */
    record Details(CatalogueEntry service, LocalDate day, LocalTime start, String cnic, String reference,
            List<FormProblem> problems) {
    }

    /** An appointment just booked or cancelled: its service's title in the page's language, the arrival rule. */
    record Held(Appointment appointment, String service, String arrival) {
    }

    /** The check-in or cancel form: code and CNIC. */
    record Arrival(List<FormProblem> problems, String heading, String action, String code, String cnic, String button,
            String label, boolean queueLink) {
    }
}
