package org.khidmat.web.internal.api;

import org.khidmat.web.internal.hall.AppointmentPages;
import org.khidmat.web.internal.hall.BookingQuota;
import org.khidmat.web.internal.hall.HallJson;
import org.khidmat.web.internal.hall.TokenStatus;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.ServiceJson;
import org.khidmat.web.internal.page.Site;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.ArrivalResult;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.StoreException;

/**
 * Appointments in JSON: {@code GET /api/v1/services/{id}/slots?day=YYYY-MM-DD} (the rules, the bookable days and the
 * day's slots with their free places), {@code POST /api/v1/appointments} {@code {service, day, start, cnic,
 * reference?}} (201; 409 when the slot is full; 422 when the input cannot be booked), and
 * {@code POST /api/v1/appointments/check-in} and {@code .../cancel} {@code {code, cnic}}. The CNIC travels in bodies
 * only and comes back masked.
 */
public final class AppointmentApi extends Handler.Abstract {
    private final Appointments appointments;
    private final Catalogue catalogue;
    private final Queue queue;
    private final BookingQuota quota;
    private final RouteTable routes;

    public AppointmentApi(Appointments appointments, Catalogue catalogue, Queue queue, BookingQuota quota) {
        this.quota = quota;
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.queue = queue;
        this.routes = ApiRoutes.table()
                .route("/api/v1/services/{id}/slots", RouteTable.GET, (rq, rs, cb, at) -> slots(rq, rs, cb, at.get("id")))
                .route("/api/v1/appointments", ApiRoutes.POST, (rq, rs, cb, at) -> book(rq, rs, cb, JsonIn.request(rq)))
                .route("/api/v1/appointments/check-in", ApiRoutes.POST, (rq, rs, cb, at) -> checkIn(rs, cb,
                        JsonIn.request(rq)))
                .route("/api/v1/appointments/cancel", ApiRoutes.POST, (rq, rs, cb, at) -> cancel(rs, cb,
                        JsonIn.request(rq)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return routes.handle(request, response, callback);
        } catch (StoreException e) {
            Http.error(response, callback, 503, "the appointment could not be stored now; nothing was changed, try again");
        }
        return true;
    }

    private void slots(Request request, Response response, Callback callback, String serviceId) {
        Optional<CatalogueEntry> e = catalogue.service(serviceId);
        if (e.isEmpty()) {
            Http.error(response, callback, 404, "no service " + serviceId + " in this centre");
            return;
        }
        List<LocalDate> days = appointments.days();
        String given = Exchange.query(request).get("day");
        Optional<LocalDate> day = given == null ? Optional.empty() : AppointmentPages.date(given);
        if (given == null || day.isEmpty()) {
            Http.error(response, callback, 400, "give the day as ?day=YYYY-MM-DD" + (days.isEmpty() ? ""
                    : ", for example ?day=" + days.get(0)));
            return;
        }
        if (!days.contains(day.get())) {
            Http.error(response, callback, 422, day.get() + " cannot be booked; the bookable days are " + (days.isEmpty()
                    ? "none now" : days.get(0) + " to " + days.get(days.size() - 1) + " (" + days.size() + " days)"));
            return;
        }
        Http.json(response, callback, 200, ServiceJson.ordered("service", serviceId, "day", day.get().toString(), "enabled",
                e.get().enabled(), "rules", HallJson.rules(appointments.rules(), serviceId), "days",
                days.stream().map(LocalDate::toString).toList(), "slots",
                appointments.slots(serviceId, day.get()).stream().map(HallJson::slot).toList()));
    }

    private void book(Request request, Response response, Callback callback, JsonNode o) throws JsonIn.BadJson {
        String service = required(o, "service", "a service id, for example \"nadra.cnic-renewal\"");
        String dayText = required(o, "day", "the day as YYYY-MM-DD");
        String startText = required(o, "start", "the slot's start as HH:mm");
        String cnic = required(o, "cnic", "the citizen's CNIC, 13 digits");
        String reference = JsonIn.string(o, "reference");
        Optional<LocalDate> day = AppointmentPages.date(dayText);
        Optional<LocalTime> start = AppointmentPages.time(startText);
        if (day.isEmpty() || start.isEmpty()) {
            throw new JsonIn.BadJson(day.isEmpty() ? "'day' must be a date as YYYY-MM-DD, not " + dayText
                    : "'start' must be a time as HH:mm, not " + startText);
        }
        if (!AppointmentPages.CNIC.matcher(Digits.ascii(cnic).strip()).matches()) {
            Http.error(response, callback, 422, "'cnic' must be 13 digits, with or without dashes (61101-1234567-1)");
            return;
        }
        Optional<CatalogueEntry> e = catalogue.service(service);
        if (e.isEmpty()) {
            Http.error(response, callback, 422, "no service " + service + " in this centre");
            return;
        }
        if (!e.get().enabled()) {
            Http.error(response, callback, 409, "service " + service + " is temporarily unavailable");
            return;
        }
        String address = Request.getRemoteAddr(request);
        if (!quota.take(address, Site.of(request).time().zone())) {
            Http.error(response, callback, 429, "too many appointments were booked from your address today (at most "
                    + BookingQuota.PER_DAY + "); book at the centre's counter, or try again tomorrow");
            return;
        }
        BookingResult r = null;
        try {
            r = appointments.book(service, day.get(), start.get(), cnic.strip(),
                    reference == null || reference.isBlank() ? null : reference.strip());
        } finally {
            if (r == null || !r.booked()) {
                quota.giveBack(address); // only bookings made count
            }
        }
        switch (r.outcome()) {
            case BOOKED -> {
                Map<String, Object> body = HallJson.appointment(r.appointment());
                body.put("arrival", ServiceJson.ordered("en", AppointmentPages.arrivalText(appointments.rules(),
                        r.appointment().start(), "en"), "ur", AppointmentPages.arrivalText(appointments.rules(),
                        r.appointment().start(), "ur")));
                response.getHeaders().put(HttpHeader.LOCATION, "/appointments/check-in");
                Http.json(response, callback, 201, body);
            }
            case ALREADY_BOOKED -> Http.json(response, callback, 409, ServiceJson.ordered("status", 409, "error", r.message(),
                    "outcome", "ALREADY_BOOKED"));
            case FULL -> refuse(response, callback, 409, r);
            default -> refuse(response, callback, 422, r);
        }
    }

    private void checkIn(Response response, Callback callback, JsonNode o) throws JsonIn.BadJson {
        ArrivalResult r = appointments.arrive(required(o, "code", "the appointment code"), required(o, "cnic", "the CNIC it was booked with"));
        Map<String, Object> body = ServiceJson.ordered("outcome", r.outcome().name(), "message", r.message());
        if (r.appointment() != null && r.outcome() != ArrivalResult.Outcome.UNKNOWN) {
            body.put("appointment", HallJson.appointment(r.appointment()));
        }
        if (r.outcome() == ArrivalResult.Outcome.TOO_EARLY) {
            body.put("comeBackAt", r.appointment().start().minus(appointments.rules().earliest()).format(AppointmentPages.HH_MM));
        }
        if (r.token() != null) {
            body.put("token", HallJson.token(TokenStatus.of(queue, r.token()), false));
        }
        int status = switch (r.outcome()) {
            case CHECKED_IN -> 201;
            case ALREADY_CHECKED_IN -> 200;
            case UNKNOWN -> 404;
            default -> 409;
        };
        if (status >= 400) {
            body.put("status", status);
            body.put("error", r.message());
        }
        Http.json(response, callback, status, body);
    }

    private void cancel(Response response, Callback callback, JsonNode o) throws JsonIn.BadJson {
        Optional<Appointment> a = appointments.cancel(required(o, "code", "the appointment code"),
                required(o, "cnic", "the CNIC it was booked with"));
        if (a.isEmpty()) {
            Http.error(response, callback, 404, "no booked appointment matches that code and CNIC");
            return;
        }
        Http.json(response, callback, 200, HallJson.appointment(a.get()));
    }

    private static void refuse(Response response, Callback callback, int status, BookingResult r) {
        Http.json(response, callback, status, ServiceJson.ordered("status", status, "error", r.message(), "outcome",
                r.outcome().name()));
    }

    private static String required(JsonNode o, String name, String what) throws JsonIn.BadJson {
        String v = JsonIn.string(o, name);
        if (v == null || v.isBlank()) {
            throw new JsonIn.BadJson("'" + name + "' is required: " + what);
        }
        return v;
    }
}
