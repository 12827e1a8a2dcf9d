package org.khidmat.web.internal.page;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Digits;

/**
 * A period of days from the {@code from} and {@code to} query parameters ({@code yyyy-mm-dd}, both inclusive): by
 * default the last {@link #DEFAULT_DAYS} days up to today; at most {@link #LONGEST} days, so a report stays quick.
 *
 * @param from the first day
 * @param to the last day
 */
public record Period(LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;
    static final int LONGEST = 366;

    /** The period, or what is wrong with the parameters (in English and Urdu, naming the fix). */
    public record Parsed(Period period, Problem problem) {
    }

    public static Parsed parse(String from, String to, LocalDate today) {
        LocalDate f;
        LocalDate t;
        try {
            t = blank(to) ? today : LocalDate.parse(Digits.ascii(to).strip());
        } catch (DateTimeParseException e) {
            return new Parsed(null, Wording.problem(Messages.FIGURES, "to", "badTo"));
        }
        try {
            f = blank(from) ? t.minusDays(DEFAULT_DAYS - 1) : LocalDate.parse(Digits.ascii(from).strip());
        } catch (DateTimeParseException e) {
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
