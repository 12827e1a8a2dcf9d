package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Messages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.ArrivalResult;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.StoreException;

/**
 * {@code /appointments/check-in} at the kiosk (code and CNIC: the token page, or why not: too early with the time to
 * come back, too late, not valid, unknown) and {@code /appointments/cancel} (code and CNIC). Both POST the CNIC.
 */
final class ArrivalPages {
    private final Appointments appointments;
    private final Catalogue catalogue;

    ArrivalPages(Appointments appointments, Catalogue catalogue) {
        this.appointments = appointments;
        this.catalogue = catalogue;
    }

    void checkIn(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        Messages m = Messages.of(Messages.HALL, lang);
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String code = Digits.ascii(form.getOrDefault("code", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<FormProblem> problems = Exchange.isPost(request) ? required(m, code, cnic) : new ArrayList<>();
        int status = problems.isEmpty() ? 200 : 422;
        if (Exchange.isPost(request) && problems.isEmpty()) {
            ArrivalResult r;
            try {
                r = appointments.arrive(code, cnic);
            } catch (StoreException e) {
                r = null;
                problems.add(FormProblem.of(m, "code", "busy"));
                status = 503;
            }
            if (r != null) {
                switch (r.outcome()) {
                    case CHECKED_IN, ALREADY_CHECKED_IN -> {
                        Exchange.redirect(response, callback, "/queue/tokens/" + r.token().id());
                        return;
                    }
                    case TOO_EARLY -> problems.add(FormProblem.of(m, "code", "tooEarly",
                            r.appointment().start().minus(appointments.rules().earliest()).format(AppointmentPages.HH_MM)));
                    case TOO_LATE -> problems.add(FormProblem.of(m, "code", "tooLate", appointments.rules().latest().toMinutes()));
                    case NOT_VALID -> problems.add(FormProblem.of(m, "code", "notValid"));
                    default -> problems.add(FormProblem.of(m, "code", "unknownAppt"));
                }
                status = r.outcome() == ArrivalResult.Outcome.UNKNOWN ? 404 : 409;
            }
        }
        var view = new AppointmentViews.Arrival(problems, "checkInTitle", "/appointments/check-in", code, cnic, "check-in",
                "checkIn", true);
        AppointmentPages.page(request, response, callback, status, m, "checkInTitle", !problems.isEmpty(), "hall/arrival.jte", view);
    }

    void cancel(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        Messages m = Messages.of(Messages.HALL, lang);
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String code = Digits.ascii(form.getOrDefault("code", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<FormProblem> problems = Exchange.isPost(request) ? required(m, code, cnic) : new ArrayList<>();
        int status = problems.isEmpty() ? 200 : 422;
        if (Exchange.isPost(request) && problems.isEmpty()) {
            Optional<Appointment> a;
            try {
                a = appointments.cancel(code, cnic);
            } catch (StoreException e) {
                a = null;
                problems.add(FormProblem.of(m, "code", "busy"));
                status = 503;
            }
            if (a != null && a.isPresent()) {
                String service = catalogue.service(a.get().serviceId()).map(e -> e.descriptor().title().in(m.lang()))
                        .orElse(a.get().serviceId());
                AppointmentPages.page(request, response, callback, 200, m, "cancelled", false, "hall/cancelled.jte",
                        new AppointmentViews.Held(a.get(), service, null));
                return;
            }
            if (a != null) {
                problems.add(FormProblem.of(m, "code", "noCancel"));
                status = 404;
            }
        }
        var view = new AppointmentViews.Arrival(problems, "cancelTitle", "/appointments/cancel", code, cnic, "cancel", "cancel",
                false);
        AppointmentPages.page(request, response, callback, status, m, "cancelTitle", !problems.isEmpty(), "hall/arrival.jte", view);
    }

    private static List<FormProblem> required(Messages m, String code, String cnic) {
        List<FormProblem> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(FormProblem.of(m, "code", "enterCode"));
        }
        if (cnic.isEmpty()) {
            problems.add(FormProblem.of(m, "cnic", "enterCnic"));
        } else if (!AppointmentPages.CNIC.matcher(cnic).matches()) {
            problems.add(FormProblem.of(m, "cnic", "badCnic"));
        }
        return problems;
    }
}
