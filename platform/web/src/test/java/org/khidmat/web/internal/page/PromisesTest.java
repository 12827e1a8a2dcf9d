package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Text;

class PromisesTest {
    private static ServiceDescriptor with(FeeTier... tiers) throws Exception {
        try (InputStream in = PromisesTest.class.getResourceAsStream("/descriptors/birth-certificate.json")) {
            ServiceDescriptor t = Descriptors.parse(in, "services/birth-certificate.json");
            return new ServiceDescriptor(t.id(), 1, t.agency(), t.category(), t.title(), t.summary(), t.eligibility(),
                    t.documents(), List.of(tiers), t.form(), t.workflow(), false, t.source());
        }
    }

    private static FeeTier tier(String id, long amount, int days) {
        return new FeeTier(id, new Text(id, id), amount, days);
    }

    @Test
    void daysInWords() throws Exception {
        assertEquals("The same day", Promises.days(0, "en"));
        assertEquals("1 working day", Promises.days(1, "en"));
        assertEquals("7 working days", Promises.days(7, "en"));
        assertEquals("The same day to 7 working days", Promises.days(with(tier("a", 0, 0), tier("b", 5, 7)), "en"));
        assertEquals("2 to 7 working days", Promises.days(with(tier("a", 0, 2), tier("b", 5, 7)), "en"));
        assertEquals("اسی دن", Promises.days(0, "ur"));
    }

    @Test
    void feesInWords() throws Exception {
        assertEquals("No fee", Promises.feeLine(with(tier("a", 0, 1)), "en"));
        assertEquals("Fee PKR 750", Promises.feeLine(with(tier("a", 750, 1)), "en"));
        assertEquals("Fee from PKR 750", Promises.feeLine(with(tier("a", 750, 9), tier("b", 1500, 2)), "en"));
        assertEquals("No fee at normal speed, faster from PKR 750", Promises.feeLine(with(tier("a", 0, 30), tier("b", 750, 15),
                tier("c", 1500, 7)), "en"));
        assertEquals("No fee", Promises.fee(0, "en"));
        assertEquals("PKR 4,500", Promises.fee(4500, "en"));
    }
}
