package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Money;
import org.khidmat.web.internal.staff.CollectionsPages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.DailyCollection;

/** How figures and money read: durations, shares, amounts, and the collections CSV. */
class FigureTextTest {

    private static org.khidmat.api.descriptor.ServiceDescriptor with(int... days) throws Exception {
        try (java.io.InputStream in = FigureTextTest.class.getResourceAsStream("/descriptors/birth-certificate.json")) {
            org.khidmat.api.descriptor.ServiceDescriptor t = org.khidmat.api.descriptor.Descriptors.parse(in,
                    "services/birth-certificate.json");
            List<org.khidmat.api.descriptor.FeeTier> tiers = new java.util.ArrayList<>();
            for (int d : days) {
                tiers.add(new org.khidmat.api.descriptor.FeeTier("t" + d, new org.khidmat.api.descriptor.Text("t", "t"), 100, d));
            }
            return new org.khidmat.api.descriptor.ServiceDescriptor(t.id(), 1, t.agency(), t.category(), t.title(), t.summary(),
                    t.eligibility(), t.documents(), tiers, t.form(), t.workflow(), false, t.source());
        }
    }

    @Test
    void thePromiseOfAServiceReadsAsTheCitizenPagesSayIt() throws Exception {
        assertEquals("The same day", FigureText.promise(with(0), "en"));
        assertEquals("1 working day", FigureText.promise(with(1), "en"));
        assertEquals("7 working days", FigureText.promise(with(7), "en"));
        assertEquals("2 to 7 working days", FigureText.promise(with(2, 7), "en"));
        assertEquals("اسی دن", FigureText.promise(with(0), "ur"));
    }

    @Test
    void durationsInMinutesHoursOrDays() {
        assertEquals("–", FigureText.duration(null, "en"));
        assertEquals("0 min", FigureText.duration(Duration.ofSeconds(59), "en"));
        assertEquals("59 min", FigureText.duration(Duration.ofMinutes(59), "en"));
        assertEquals("1.5 hours", FigureText.duration(Duration.ofMinutes(90), "en"));
        assertEquals("47.9 hours", FigureText.duration(Duration.ofMinutes(47 * 60 + 55), "en"));
        assertEquals("2.0 days", FigureText.duration(Duration.ofHours(48), "en"));
        assertEquals("3.5 دن", FigureText.duration(Duration.ofHours(84), "ur"));
    }

    @Test
    void sharesAndMeans() {
        assertEquals("67%", FigureText.share(2 / 3.0, Messages.of(Messages.FIGURES, "en")));
        assertEquals("–", FigureText.share(null, Messages.of(Messages.FIGURES, "en")));
        assertEquals("4.00", FigureText.two(4.0, Messages.of(Messages.FIGURES, "en")));
        assertEquals("3.67", FigureText.two(11 / 3.0, Messages.of(Messages.FIGURES, "ur")));
    }

    @Test
    void rupees() {
        assertEquals("PKR 500", Money.pkr(500, "en"));
        assertEquals("PKR 12,500", Money.pkr(12500, "en"));
        assertEquals("1,500 روپے", Money.pkr(1500, "ur"));
    }

    @Test
    void collectionsAsCsv() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        assertEquals(DayOfWeek.MONDAY, day.getDayOfWeek());
        assertEquals("agency,day,payments,amount_pkr\r\nictadmin,2026-01-05,2,700\r\nnadra,2026-01-05,1,1500\r\n",
                CollectionsPages.csv(List.of(new DailyCollection("ictadmin", day, 2, 700), new DailyCollection("nadra", day, 1, 1500))));
        assertEquals("agency,day,payments,amount_pkr\r\n", CollectionsPages.csv(List.of()));
    }
}
