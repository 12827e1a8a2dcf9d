package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reading the figures' period from the query: defaults, and every way it can be wrong. */
class PeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void byDefaultTheLastThirtyDaysUpToToday() {
        Period.Parsed p = Period.parse(null, null, TODAY);
        assertNull(p.problem());
        assertEquals(new Period(LocalDate.of(2026, 2, 14), TODAY), p.period());
        assertEquals(30, p.period().days());
        assertEquals(new Period(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)), Period.parse("", "2026-01-31", TODAY).period());
        assertEquals(new Period(LocalDate.of(2026, 1, 1), TODAY), Period.parse("2026-01-01", " ", TODAY).period());
    }

    @Test
    void aSingleDayIsAPeriod() {
        assertEquals(1, Period.parse("2026-01-01", "2026-01-01", TODAY).period().days());
        assertEquals("from=2026-01-01&to=2026-01-01", Period.parse("2026-01-01", "2026-01-01", TODAY).period().query());
    }

    @Test
    void badDatesNameTheField() {
        assertEquals("from", Period.parse("2026-13-01", "2026-01-31", TODAY).problem().field());
        assertEquals("to", Period.parse("2026-01-01", "31/02/2026", TODAY).problem().field());
        assertEquals("from", Period.parse("0/1/2026", "31/01/2026", TODAY).problem().field());
        assertEquals("Enter the end date as day, month and year, for example 31/01/2026",
                Period.parse("2026-01-01", "yesterday", TODAY).problem().en());
        assertEquals("Enter the end date as yyyy-mm-dd, for example 2026-01-31",
                Period.forClients(Period.parse("2026-01-01", "yesterday", TODAY).problem()), "JSON and CSV clients write yyyy-mm-dd");
        assertEquals("Choose a period of at most 366 days", Period.forClients(Period.parse("2024-12-31", "2026-01-01", TODAY).problem()));
    }

    /** The form asks day, month and year as people write them; links and downloads keep yyyy-mm-dd. */
    @Test
    void datesAsPeopleWriteThemDayMonthYearInAnyDigits() {
        Period jan = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertEquals(jan, Period.parse("1/1/2026", "31/01/2026", TODAY).period());
        assertEquals(jan, Period.parse("۱/۱/۲۰۲۶", "٣١/٠١/٢٠٢٦", TODAY).period(), "Urdu and Arabic digits");
        assertEquals(jan, Period.parse("2026-01-01", "2026-01-31", TODAY).period(), "links keep yyyy-mm-dd");
        assertEquals("1/1/2026", Period.field(java.util.Map.of("from-day", "1", "from-month", "1", "from-year", "2026"), "from"));
        assertEquals("2026-01-01", Period.field(java.util.Map.of("from", "2026-01-01"), "from"));
        assertEquals("", Period.field(java.util.Map.of("from-day", " ", "from-month", "", "from-year", ""), "from"));
        assertEquals("31/01/2026", Period.shown(LocalDate.of(2026, 1, 31)));
    }

    @Test
    void theEndBeforeTheStartIsRefused() {
        Period.Parsed p = Period.parse("2026-02-01", "2026-01-31", TODAY);
        assertNull(p.period());
        assertEquals("The end date must be the same as or after the start date", p.problem().en());
    }

    @Test
    void atMostAYearAndADay() {
        assertNull(Period.parse("2025-01-01", "2026-01-01", TODAY).problem(), "366 days");
        assertEquals("Choose a period of at most 366 days", Period.parse("2024-12-31", "2026-01-01", TODAY).problem().en());
    }
}
