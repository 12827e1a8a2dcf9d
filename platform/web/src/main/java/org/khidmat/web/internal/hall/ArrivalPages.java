package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Words;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
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
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String code = Digits.ascii(form.getOrDefault("code", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = Exchange.isPost(request) ? required(code, cnic) : new ArrayList<>();
        int status = problems.isEmpty() ? 200 : 422;
        if (Exchange.isPost(request) && problems.isEmpty()) {
            ArrivalResult r;
            try {
                r = appointments.arrive(code, cnic);
            } catch (StoreException e) {
                r = null;
                problems.add(HallWords.problem("code", "busy"));
                status = 503;
            }
            if (r != null) {
                switch (r.outcome()) {
                    case CHECKED_IN, ALREADY_CHECKED_IN -> {
                        Exchange.redirect(response, callback, "/queue/tokens/" + r.token().id());
                        return;
                    }
                    case TOO_EARLY -> problems.add(HallWords.problem("code", "tooEarly",
                            r.appointment().start().minus(appointments.rules().earliest()).format(AppointmentPages.HH_MM)));
                    case TOO_LATE -> problems.add(HallWords.problem("code", "tooLate", appointments.rules().latest().toMinutes()));
                    case NOT_VALID -> problems.add(HallWords.problem("code", "notValid"));
                    default -> problems.add(HallWords.problem("code", "unknownAppt"));
                }
                status = r.outcome() == ArrivalResult.Outcome.UNKNOWN ? 404 : 409;
            }
        }
        String b = form(problems, "checkInTitle", "/appointments/check-in", code, cnic, "check-in", "checkIn", lang)
                + "<p><a href=\"/queue\">" + HallWords.get("queueTitle", lang) + "</a></p>";
        Http.html(response, callback, status, Layout.page(request, lang, title(problems, "checkInTitle", lang), b));
    }

    void cancel(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String code = Digits.ascii(form.getOrDefault("code", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = Exchange.isPost(request) ? required(code, cnic) : new ArrayList<>();
        int status = problems.isEmpty() ? 200 : 422;
        if (Exchange.isPost(request) && problems.isEmpty()) {
            Optional<Appointment> a;
            try {
                a = appointments.cancel(code, cnic);
            } catch (StoreException e) {
                a = null;
                problems.add(HallWords.problem("code", "busy"));
                status = 503;
            }
            if (a != null && a.isPresent()) {
                String service = catalogue.service(a.get().serviceId()).map(e -> Http.text(e.descriptor().title().in(lang), lang))
                        .orElse(Http.escape(a.get().serviceId()));
                String b = "<div class=\"panel\"><h1 id=\"cancelled\">" + HallWords.get("cancelled", lang) + "</h1></div>"
                        + AppointmentPages.facts(a.get(), service, lang) + "<p>" + HallWords.get("cancelledText", lang)
                        + "</p><p><a href=\"/appointments\">" + HallWords.get("apptTitle", lang) + "</a></p>";
                Http.html(response, callback, 200, Layout.page(request, lang, HallWords.get("cancelled", lang), b));
                return;
            }
            if (a != null) {
                problems.add(HallWords.problem("code", "noCancel"));
                status = 404;
            }
        }
        String b = form(problems, "cancelTitle", "/appointments/cancel", code, cnic, "cancel", "cancel", lang);
        Http.html(response, callback, status, Layout.page(request, lang, title(problems, "cancelTitle", lang), b));
    }

    private static List<Problem> required(String code, String cnic) {
        List<Problem> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(HallWords.problem("code", "enterCode"));
        }
        if (cnic.isEmpty()) {
            problems.add(HallWords.problem("cnic", "enterCnic"));
        } else if (!AppointmentPages.CNIC.matcher(cnic).matches()) {
            problems.add(HallWords.problem("cnic", "badCnic"));
        }
        return problems;
    }

    private static String form(List<Problem> problems, String heading, String action, String code, String cnic, String button,
            String label, String lang) {
        return FormHtml.summary(problems, lang) + "<h1>" + HallWords.get(heading, lang) + "</h1><form method=\"post\" action=\""
                + action + "\" novalidate>"
                + FormHtml.input("code", HallWords.get("code", lang), HallWords.get("codeHint", lang), code, problems, lang)
                + FormHtml.input("cnic", HallWords.get("cnicYours", lang), HallWords.get("cnicHint", lang), cnic, problems, lang)
                + "<button type=\"submit\" id=\"" + button + "\">" + HallWords.get(label, lang) + "</button></form>";
    }

    private static String title(List<Problem> problems, String key, String lang) {
        return (problems.isEmpty() ? "" : Words.get("error", lang) + ": ") + HallWords.get(key, lang);
    }
}
