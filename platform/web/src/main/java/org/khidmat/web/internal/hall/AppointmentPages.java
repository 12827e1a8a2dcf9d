package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.StartPage;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.Slot;
import org.khidmat.api.platform.StoreException;

/**
 * Booking an appointment, one question a page: {@code /appointments} (the service), {@code /appointments/{id}}
 * (the day), {@code /appointments/{id}/{day}} (the times with their free places; full ones shown, not bookable),
 * {@code /appointments/{id}/{day}/{HH:mm}} (the CNIC and an optional application reference, POSTed, never in a URL),
 * and the booked page with the code and the arrival rule in words.
 */
public final class AppointmentPages {
    public static final Pattern CNIC = Pattern.compile("\\d{5}-?\\d{7}-?\\d");
    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private final Appointments appointments;
    private final Catalogue catalogue;
    private final BookingQuota quota;

    AppointmentPages(Appointments appointments, Catalogue catalogue, BookingQuota quota) {
        this.quota = quota;
        this.appointments = appointments;
        this.catalogue = catalogue;
    }

    /** @param rest the path after {@code /appointments/}, or empty */
    void handle(Request request, Response response, Callback callback, String lang, String rest)
            throws IOException, Exchange.TooLarge {
        String[] parts = rest.isEmpty() ? new String[0] : rest.split("/", -1);
        boolean post = Exchange.isPost(request);
        if (parts.length == 0 && !post) {
            services(request, response, callback, lang);
            return;
        }
        Optional<CatalogueEntry> any = parts.length == 0 ? Optional.empty() : catalogue.service(parts[0]);
        if (any.isPresent() && !any.get().enabled()) {
            Http.html(response, callback, 503, StartPage.unavailable(request, lang, any.get()));
            return;
        }
        Optional<CatalogueEntry> e = any;
        Optional<LocalDate> day = parts.length < 2 ? Optional.empty() : date(parts[1]).filter(appointments.days()::contains);
        Optional<LocalTime> time = parts.length < 3 ? Optional.empty() : time(parts[2]);
        if (e.isPresent() && parts.length == 1 && !post) {
            days(request, response, callback, lang, e.get());
        } else if (e.isPresent() && day.isPresent() && parts.length == 2 && !post) {
            slots(request, response, callback, lang, e.get(), day.get());
        } else if (e.isPresent() && day.isPresent() && time.isPresent() && parts.length == 3) {
            details(request, response, callback, lang, e.get(), day.get(), time.get());
        } else {
            Http.html(response, callback, 404, StartPage.notFound(request, lang));
        }
    }

    private void services(Request request, Response response, Callback callback, String lang) {
        Messages m = Messages.of(Messages.HALL, lang);
        String words = Exchange.query(request).getOrDefault("q", "");
        var view = new AppointmentViews.Services(words, ServiceChooser.grouped(catalogue.services(), words));
        page(request, response, callback, 200, m, "apptTitle", false, "hall/appointments.jte", view);
    }

    private void days(Request request, Response response, Callback callback, String lang, CatalogueEntry e) {
        Messages m = Messages.of(Messages.HALL, lang);
        page(request, response, callback, 200, m, "chooseDay", false, "hall/days.jte", new AppointmentViews.Days(e, appointments.days()));
    }

    private void slots(Request request, Response response, Callback callback, String lang, CatalogueEntry e, LocalDate day) {
        Messages m = Messages.of(Messages.HALL, lang);
        page(request, response, callback, 200, m, "chooseTime", false, "hall/slots.jte",
                new AppointmentViews.Slots(e, day, appointments.slots(e.id(), day)));
    }

    private void details(Request request, Response response, Callback callback, String lang, CatalogueEntry e, LocalDate day,
            LocalTime start) throws IOException, Exchange.TooLarge {
        Messages m = Messages.of(Messages.HALL, lang);
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        List<FormProblem> problems = new ArrayList<>();
        int status = 200;
        if (Exchange.isPost(request)) {
            if (cnic.isEmpty()) {
                problems.add(FormProblem.of(m, "cnic", "enterCnic"));
            } else if (!CNIC.matcher(cnic).matches()) {
                problems.add(FormProblem.of(m, "cnic", "badCnic"));
            }
            if (problems.isEmpty()) {
                BookingResult r = null;
                String address = Request.getRemoteAddr(request);
                if (!quota.take(address, Site.of(request).time().zone())) {
                    problems.add(FormProblem.of(m, "cnic", "tooManyHere"));
                    status = 429;
                } else {
                    try {
                        r = appointments.book(e.id(), day, start, cnic, reference.isEmpty() ? null : reference);
                    } catch (StoreException x) {
                        problems.add(FormProblem.of(m, "cnic", "busy"));
                        status = 503;
                    }
                    if (r == null || !r.booked()) {
                        quota.giveBack(address);
                    }
                }
                if (r != null && r.booked()) {
                    Appointment a = r.appointment();
                    var held = new AppointmentViews.Held(a, e.descriptor().title().in(m.lang()),
                            arrivalText(appointments.rules(), a.start(), m.lang()));
                    page(request, response, callback, 200, m, "booked", false, "hall/booked.jte", held);
                    return;
                }
                if (r != null) {
                    switch (r.outcome()) {
                        case FULL -> problems.add(FormProblem.of(m, "slot", "slotFull"));
                        case NO_SUCH_SLOT -> problems.add(FormProblem.of(m, "slot", "noSlot"));
                        case ALREADY_BOOKED -> problems.add(FormProblem.of(m, "cnic", "alreadyHeld"));
                        // the CNIC passed the check above
                        default -> problems.add(FormProblem.of(m, "reference", reference.isEmpty() ? "needApp" : "noApptRef"));
                    }
                    status = r.outcome() == BookingResult.Outcome.INVALID ? 422 : 409;
                }
            } else {
                status = 422;
            }
        }
        page(request, response, callback, status, m, "yourDetails", !problems.isEmpty(), "hall/details.jte",
                new AppointmentViews.Details(e, day, start, cnic, reference, problems));
    }

    /** Answers a page of the hall's frame: the template's body under the title word. */
    static void page(Request request, Response response, Callback callback, int status, Messages m, String titleKey,
            boolean problems, String template, Object view) {
        Http.html(response, callback, status, Layout.page(request, m.lang(), HallText.title(m, titleKey, problems),
                HallText.body(template, m, view)));
    }

    /** @return "Arrive no earlier than 30 minutes before your time (from 10:00)...", as plain text */
    public static String arrivalText(AppointmentRules rules, LocalTime start, String lang) {
        return Messages.of(Messages.HALL, lang).get("arriveRule", String.valueOf(rules.earliest().toMinutes()),
                start.minus(rules.earliest()).format(HH_MM), String.valueOf(rules.latest().toMinutes()),
                start.plus(rules.latest()).format(HH_MM));
    }

    public static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> time(String s) {
        try {
            return s.length() == 5 ? Optional.of(LocalTime.parse(s, HH_MM)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
