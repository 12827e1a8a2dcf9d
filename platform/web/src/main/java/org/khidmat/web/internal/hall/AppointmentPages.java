package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.StartPage;
import org.khidmat.web.internal.page.Words;

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
import org.khidmat.api.Problem;
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
        String words = Exchange.query(request).getOrDefault("q", "");
        String b = "<h1>" + HallWords.get("apptTitle", lang) + "</h1><p>" + HallWords.get("apptIntro", lang) + "</p>"
                + "<p><a href=\"/appointments/check-in\">" + HallWords.get("checkInTitle", lang) + "</a> &middot; "
                + "<a href=\"/appointments/cancel\">" + HallWords.get("cancelTitle", lang) + "</a></p>\n"
                + ServiceChooser.search("/appointments", words, lang)
                + ServiceChooser.list(ServiceChooser.grouped(catalogue.services(), words), lang,
                        e -> !e.enabled() ? ServiceChooser.unavailable(e, lang) : "<a href=\"/appointments/" + Http.escape(e.id()) + "\" id=\"book-" + Http.escape(e.id()) + "\">"
                                + Http.text(e.descriptor().title().in(lang), lang) + "</a>");
        Http.html(response, callback, 200, Layout.page(request, lang, HallWords.get("apptTitle", lang), b));
    }

    private void days(Request request, Response response, Callback callback, String lang, CatalogueEntry e) {
        StringBuilder b = new StringBuilder(caption(e, lang)).append("<h1>").append(HallWords.get("chooseDay", lang)).append("</h1>");
        List<LocalDate> days = appointments.days();
        if (days.isEmpty()) {
            b.append("<p>").append(HallWords.get("noDays", lang)).append("</p>");
        }
        b.append("<ul class=\"choices\" id=\"days\">");
        for (LocalDate d : days) {
            b.append("<li><a class=\"choice-button\" href=\"/appointments/").append(Http.escape(e.id())).append('/').append(d)
                    .append("\" id=\"day-").append(d).append("\">").append(HallWords.day(d, lang)).append("</a></li>");
        }
        b.append("</ul><p><a href=\"/appointments\">").append(HallWords.get("otherService", lang)).append("</a></p>");
        Http.html(response, callback, 200, Layout.page(request, lang, HallWords.get("chooseDay", lang), b.toString()));
    }

    private void slots(Request request, Response response, Callback callback, String lang, CatalogueEntry e, LocalDate day) {
        List<Slot> slots = appointments.slots(e.id(), day);
        StringBuilder b = new StringBuilder(caption(e, lang)).append("<h1>").append(HallWords.get("chooseTime", lang))
                .append("</h1><p id=\"chosen-day\">").append(HallWords.day(day, lang)).append("</p>");
        if (slots.isEmpty()) {
            b.append("<p id=\"no-slots\">").append(HallWords.get("noSlots", lang)).append("</p>");
        } else {
            b.append("<table id=\"slots\"><thead><tr><th scope=\"col\">").append(HallWords.get("slotTime", lang))
                    .append("</th><th scope=\"col\">").append(HallWords.get("free", lang)).append("</th><th scope=\"col\"><span class=\"skip\">")
                    .append(HallWords.get("choose", lang)).append("</span></th></tr></thead><tbody>");
            for (Slot s : slots) {
                String key = s.start().format(DateTimeFormatter.ofPattern("HHmm"));
                String when = s.start().format(HH_MM) + "&ndash;" + s.end().format(HH_MM);
                b.append("<tr id=\"slot-").append(key).append("\"><td dir=\"ltr\">").append(when).append("</td><td id=\"free-")
                        .append(key).append("\">").append(s.free()).append("</td><td>");
                if (s.free() > 0) {
                    b.append("<a href=\"/appointments/").append(Http.escape(e.id())).append('/').append(day).append('/')
                            .append(s.start().format(HH_MM)).append("\" id=\"choose-").append(key).append("\">")
                            .append(HallWords.get("choose", lang)).append("<span class=\"skip\"> ").append(s.start().format(HH_MM))
                            .append("</span></a>");
                } else {
                    b.append("<span class=\"full\">").append(HallWords.get("full", lang)).append("</span>");
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<p><a href=\"/appointments/").append(Http.escape(e.id())).append("\">").append(HallWords.get("otherDay", lang))
                .append("</a></p>");
        Http.html(response, callback, 200, Layout.page(request, lang, HallWords.get("chooseTime", lang), b.toString()));
    }

    private void details(Request request, Response response, Callback callback, String lang, CatalogueEntry e, LocalDate day,
            LocalTime start) throws IOException, Exchange.TooLarge {
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        List<Problem> problems = new ArrayList<>();
        int status = 200;
        if (Exchange.isPost(request)) {
            if (cnic.isEmpty()) {
                problems.add(HallWords.problem("cnic", "enterCnic"));
            } else if (!CNIC.matcher(cnic).matches()) {
                problems.add(HallWords.problem("cnic", "badCnic"));
            }
            if (problems.isEmpty()) {
                BookingResult r = null;
                String address = Request.getRemoteAddr(request);
                if (!quota.take(address)) {
                    problems.add(HallWords.problem("cnic", "tooManyHere"));
                    status = 429;
                } else {
                    try {
                        r = appointments.book(e.id(), day, start, cnic, reference.isEmpty() ? null : reference);
                    } catch (StoreException x) {
                        problems.add(HallWords.problem("cnic", "busy"));
                        status = 503;
                    }
                    if (r == null || !r.booked()) {
                        quota.giveBack(address);
                    }
                }
                if (r != null && r.booked()) {
                    Http.html(response, callback, 200, booked(request, lang, e, r));
                    return;
                }
                if (r != null) {
                    switch (r.outcome()) {
                        case FULL -> problems.add(HallWords.problem("slot", "slotFull"));
                        case NO_SUCH_SLOT -> problems.add(HallWords.problem("slot", "noSlot"));
                        case ALREADY_BOOKED -> problems.add(HallWords.problem("cnic", "alreadyHeld"));
                        // the CNIC passed the check above
                        default -> problems.add(HallWords.problem("reference", reference.isEmpty() ? "needApp" : "noApptRef"));
                    }
                    status = r.outcome() == BookingResult.Outcome.INVALID ? 422 : 409;
                }
            } else {
                status = 422;
            }
        }
        String slotUrl = "/appointments/" + Http.escape(e.id()) + "/" + day;
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, lang)).append(caption(e, lang)).append("<h1>")
                .append(HallWords.get("yourDetails", lang)).append("</h1><p id=\"f-slot\">").append(HallWords.day(day, lang))
                .append(", <span dir=\"ltr\">").append(start.format(HH_MM)).append("</span> &middot; <a href=\"").append(slotUrl)
                .append("\">").append(HallWords.get("otherTime", lang)).append("</a></p>")
                .append("<form method=\"post\" novalidate>")
                .append(FormHtml.input("cnic", HallWords.get("cnicYours", lang), HallWords.get("cnicHint", lang), cnic, problems, lang))
                .append(FormHtml.input("reference", HallWords.get("refOptional", lang), HallWords.get("refOptionalHint", lang),
                        reference, problems, lang))
                .append("<button type=\"submit\" id=\"book\">").append(HallWords.get("book", lang)).append("</button></form>");
        String title = (problems.isEmpty() ? "" : Words.get("error", lang) + ": ") + HallWords.get("yourDetails", lang);
        Http.html(response, callback, status, Layout.page(request, lang, title, b.toString()));
    }

    private String booked(Request request, String lang, CatalogueEntry e, BookingResult r) {
        Appointment a = r.appointment();
        String heading = HallWords.get("booked", lang);
        String b = "<div class=\"panel\"><h1>" + heading + "</h1><p>" + HallWords.get("code", lang)
                + "<br><span class=\"ref\" id=\"appointment-code\" dir=\"ltr\">" + Http.escape(a.code()) + "</span></p></div>"
                + facts(a, Http.text(e.descriptor().title().in(lang), lang), lang)
                + "<p id=\"arrival-rule\">" + arrivalRule(appointments.rules(), a.start(), lang) + "</p><p>"
                + HallWords.get("keepCode", lang) + "</p><p><a href=\"/appointments/cancel\">" + HallWords.get("cancelTitle", lang)
                + "</a></p>";
        return Layout.page(request, lang, heading, b);
    }

    /** @return the service, day and time of an appointment as a description list */
    static String facts(Appointment a, String serviceTitle, String lang) {
        return "<dl class=\"facts\" id=\"appointment\"><div class=\"row\"><dt>" + Words.get("service", lang) + "</dt><dd>"
                + serviceTitle + "</dd></div><div class=\"row\"><dt>" + HallWords.get("day", lang) + "</dt><dd id=\"appointment-day\">"
                + HallWords.day(a.day(), lang) + "</dd></div><div class=\"row\"><dt>" + HallWords.get("slotTime", lang)
                + "</dt><dd id=\"appointment-time\" dir=\"ltr\">" + a.start().format(HH_MM) + "&ndash;" + a.end().format(HH_MM)
                + "</dd></div></dl>";
    }

    /** @return "Arrive no earlier than 30 minutes before your time (from 10:00)..." for a slot starting at {@code start} */
    static String arrivalRule(AppointmentRules rules, LocalTime start, String lang) {
        return Http.text(arrivalText(rules, start, lang), lang);
    }

    /** @return the arrival rule as plain text */
    public static String arrivalText(AppointmentRules rules, LocalTime start, String lang) {
        return HallWords.plain("arriveRule", lang, rules.earliest().toMinutes(), start.minus(rules.earliest()).format(HH_MM),
                rules.latest().toMinutes(), start.plus(rules.latest()).format(HH_MM));
    }

    private static String caption(CatalogueEntry e, String lang) {
        return "<p class=\"meta\" id=\"chosen-service\">" + Http.text(e.descriptor().title().in(lang), lang) + "</p>";
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
