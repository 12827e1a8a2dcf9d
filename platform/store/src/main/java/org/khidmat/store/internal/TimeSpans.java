package org.khidmat.store.internal;

/**
 * The spans of time after filing that {@code figure_time} counts first moves in: a span is (upTo - width, upTo], its
 * width a minute up to 5 hours, 5 minutes up to 15 hours, 15 minutes up to 60 hours, an hour up to 10 days, 4 hours
 * up to 60 days and a day beyond. Each width is at most 2% of where its spans start (a minute at the start), so the
 * middle of a span is within 1% (or 30 seconds, under the 0.01 hour the figures publish) of every time in it; every
 * width divides a day and every range ends on a multiple of the next width, so each whole number of days ends a span
 * and "finished within the promised days" is exact. About 1,750 spans reach two years; a service's times usually
 * fall in a few dozen.
 */
final class TimeSpans {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Range ends (inclusive) and the width of spans up to them; the last range is open. */
    private static final long[] ENDS = {5 * HOUR, 15 * HOUR, 60 * HOUR, 10 * DAY, 60 * DAY, Long.MAX_VALUE};
    private static final long[] WIDTHS = {MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, DAY};

    /**
     * The same as {@link #upTo} in SQL over the column {@code after_filing}; the V8 script's trigger and backfill
     * carry this text, and the edges of a period are grouped with it (a test holds them equal).
     */
    static final String UP_TO_SQL = "CASE WHEN after_filing <= 0 THEN 0"
            + " WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000"
            + " WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000"
            + " WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000"
            + " WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000"
            + " WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000"
            + " ELSE (after_filing + 86399999) / 86400000 * 86400000 END";

    private TimeSpans() {
    }

    /** @return the end of the span holding {@code millis} after filing; 0 for 0 or less */
    static long upTo(long millis) {
        if (millis <= 0) {
            return 0;
        }
        long width = width(millis);
        return (millis + width - 1) / width * width;
    }

    /** @return the start (exclusive) of the span ending at {@code upTo}; 0 for the span of 0 */
    static long above(long upTo) {
        return upTo <= 0 ? 0 : upTo - width(upTo);
    }

    private static long width(long millis) {
        int i = 0;
        while (millis > ENDS[i]) {
            i++;
        }
        return WIDTHS[i];
    }
}
