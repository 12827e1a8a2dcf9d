package org.khidmat.web.internal.page;

import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * A service's fee and processing time in words, as a citizen reads them: "PKR 750", "No fee", "1 working day",
 * "The same day", "The same day to 7 working days"; never "Rs 0" or "0 working days".
 */
public final class Promises {
    private Promises() {
    }

    /** @return the time of one speed, as HTML */
    public static String days(int days, String lang) {
        return days == 0 ? Words.get("sameDay", lang) : Words.get(days == 1 ? "oneDay" : "days", lang, days);
    }

    /** @return the time of the service's speeds, from the fastest to the slowest, as HTML */
    public static String days(ServiceDescriptor d, String lang) {
        int min = d.fees().stream().mapToInt(FeeTier::days).min().orElse(0);
        int max = d.fees().stream().mapToInt(FeeTier::days).max().orElse(0);
        if (min == max) {
            return days(min, lang);
        }
        return min == 0 ? Words.get("sameDayTo", lang, max) : Words.get("daysRange", lang, min, max);
    }

    /** @return the fee of one speed, as HTML: "No fee" or the amount */
    public static String fee(long amount, String lang) {
        return amount == 0 ? Words.get("noFee", lang) : Money.pkr(amount, lang);
    }

    /** @return what the service costs, for a list: "Fee PKR 750", "Fee from PKR 750", "No fee", as HTML */
    public static String feeLine(ServiceDescriptor d, String lang) {
        long min = d.fees().stream().mapToLong(FeeTier::amount).min().orElse(0);
        long max = d.fees().stream().mapToLong(FeeTier::amount).max().orElse(0);
        if (max == 0) {
            return Words.get("noFee", lang);
        }
        if (min == 0) {
            long faster = d.fees().stream().mapToLong(FeeTier::amount).filter(a -> a > 0).min().orElse(max);
            return Words.get("freeOrFrom", lang, Money.pkr(faster, lang));
        }
        return Words.get(min == max ? "feeOnly" : "feeFrom", lang, Money.pkr(min, lang));
    }
}
