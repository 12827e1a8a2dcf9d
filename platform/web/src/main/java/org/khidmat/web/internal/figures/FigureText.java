package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Promises;

import java.time.Duration;
import org.khidmat.api.descriptor.ServiceDescriptor;
import java.util.Locale;

/** Figures as people read them: a duration in minutes, hours or days; a share in per cent; a mean with two decimals. */
public final class FigureText {
    private FigureText() {
    }

    /**
     * @return under an hour in minutes, under two days in hours, else in days; a dash when there is none; as plain
     *     text (a template escapes it)
     */
    public static String duration(Duration d, String lang) {
        Messages m = Messages.of(Messages.FIGURES, lang);
        if (d == null) {
            return m.get("none");
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return m.get("minutes", Long.toString(minutes));
        }
        if (minutes < 48 * 60) {
            return m.get("hours", one(d.toMillis() / 3_600_000.0));
        }
        return m.get("days", one(d.toMillis() / 86_400_000.0));
    }

    /** @return the promised time of the service's speeds, fastest to slowest, in the citizen's words, as plain text */
    static String promise(ServiceDescriptor d, String lang) {
        return Promises.daysText(d, lang);
    }

    /** @return a share of 0 to 1 as whole per cent, {@code 75%} */
    static String share(Double share, Messages m) {
        return share == null ? m.get("none") : Math.round(share * 100) + "%";
    }

    /** @return two decimals, as in the CSV */
    static String two(Double v, Messages m) {
        return v == null ? m.get("none") : String.format(Locale.ROOT, "%.2f", v);
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static Double days(Duration d) {
        return d == null ? null : d.toMillis() / 86_400_000.0;
    }
}
