package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.FigureWords;

import java.time.Duration;
import java.util.Locale;

/** Figures as people read them: a duration in minutes, hours or days; a share in per cent; a mean with two decimals. */
public final class FigureText {
    private FigureText() {
    }

    /**
     * @return under an hour in minutes, under two days in hours, else in days; a dash when there is none; as plain
     *     text, since the bar chart escapes its own text and a table cell escapes it with {@link Http#text}
     */
    public static String duration(Duration d, String lang) {
        if (d == null) {
            return FigureWords.BOOK.raw("none", lang);
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return FigureWords.BOOK.raw("minutes", lang, minutes);
        }
        if (minutes < 48 * 60) {
            return FigureWords.BOOK.raw("hours", lang, one(d.toMillis() / 3_600_000.0));
        }
        return FigureWords.BOOK.raw("days", lang, one(d.toMillis() / 86_400_000.0));
    }

    /** @return a share of 0 to 1 as whole per cent, {@code 75%} */
    static String share(Double share, String lang) {
        return share == null ? FigureWords.get("none", lang) : Math.round(share * 100) + "%";
    }

    /** @return two decimals, as in the CSV */
    static String two(Double v, String lang) {
        return v == null ? FigureWords.get("none", lang) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static Double days(Duration d) {
        return d == null ? null : d.toMillis() / 86_400_000.0;
    }
}
