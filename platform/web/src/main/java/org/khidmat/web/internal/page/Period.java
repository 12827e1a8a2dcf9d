package org.khidmat.web.internal.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Digits;

/**
 * A period of days from the {@code from} and {@code to} query parameters, both inclusive: day/month/year as the
 * form's boxes send it ({@code from-day}, {@code from-month}, {@code from-year}: {@link #field}), or {@code yyyy-mm-dd}
 * as links and downloads name it, in any digits; by
 * default the last {@link #DEFAULT_DAYS} days up to today; at most {@link #LONGEST} days, so a report stays quick.
 *
 * @param from the first day
 * @param to the last day
 */
public record Period(LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;
    static final int LONGEST = 366;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*[/ .-]\\s*(\\d{1,2})\\s*[/ .-]\\s*(\\d{4})");

    /** The period, or what is wrong with the parameters (in English and Urdu, naming the fix). */
    public record Parsed(Period period, Problem problem) {
    }

    public static Parsed parse(String from, String to, LocalDate today) {
        LocalDate t = blank(to) ? today : date(to);
        if (t == null) {
            return new Parsed(null, Wording.problem(Messages.FIGURES, "to", "badTo"));
        }
        LocalDate f = blank(from) ? t.minusDays(DEFAULT_DAYS - 1) : date(from);
        if (f == null) {
            return new Parsed(null, Wording.problem(Messages.FIGURES, "from", "badFrom"));
        }
        if (t.isBefore(f)) {
            return new Parsed(null, Wording.problem(Messages.FIGURES, "to", "toBeforeFrom"));
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > LONGEST) {
            return new Parsed(null, Wording.problem(Messages.FIGURES, "from", "tooLong", LONGEST));
        }
        return new Parsed(new Period(f, t), null);
    }

    /** @return the day written as day/month/year or yyyy-mm-dd, in any digits; {@code null} when it is no real day */
    private static LocalDate date(String text) {
        String s = Digits.ascii(text).strip();
        Matcher iso = ISO.matcher(s);
        Matcher dmy = DMY.matcher(s);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            if (dmy.matches()) {
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * @return the date asked for {@code name}: its day, month and year boxes as {@code d/m/yyyy} (empty when all three
     *     are), else the parameter itself (a link's {@code yyyy-mm-dd}), else {@code null}
     */
    public static String field(Map<String, String> query, String name) {
        String d = query.get(name + "-day");
        String m = query.get(name + "-month");
        String y = query.get(name + "-year");
        if (d == null && m == null && y == null) {
            return query.get(name);
        }
        String day = d == null ? "" : d.strip();
        String month = m == null ? "" : m.strip();
        String year = y == null ? "" : y.strip();
        return day.isEmpty() && month.isEmpty() && year.isEmpty() ? "" : day + "/" + month + "/" + year;
    }

    /**
     * @return the problem as a JSON or CSV client reads it, in English: a date there is {@code yyyy-mm-dd}, as links
     *     and downloads write it (the page's words ask for day, month and year, as its boxes do)
     */
    public static String forClients(Problem problem) {
        Messages en = Messages.of(Messages.FIGURES, "en");
        if (problem.en().equals(en.get("badFrom"))) {
            return "Enter the start date as yyyy-mm-dd, for example 2026-01-31";
        }
        if (problem.en().equals(en.get("badTo"))) {
            return "Enter the end date as yyyy-mm-dd, for example 2026-01-31";
        }
        return problem.en();
    }

    /** @return a day as people write it in Pakistan, {@code 31/01/2026} */
    public static String shown(LocalDate day) {
        return String.format("%02d/%02d/%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** @return the query string of this period, {@code from=2026-01-01&to=2026-01-31} */
    public String query() {
        return "from=" + from + "&to=" + to;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
