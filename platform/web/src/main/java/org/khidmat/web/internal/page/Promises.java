package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * A service's fee and processing time in words, as a citizen reads them: "PKR 750", "No fee", "1 working day",
 * "The same day", "The same day to 7 working days"; never "Rs 0" or "0 working days". The {@code *Text} forms are
 * plain text for templates; the others the same as HTML for pages still made as strings.
 */
public final class Promises {
    private Promises() {
    }

    /** @return the time of one speed, as plain text */
    public static String daysText(int days, String lang) {
        return Messages.of(Messages.CITIZEN, lang).get("days", days);
    }

    /** @return the time of the service's speeds, from the fastest to the slowest, as plain text */
    public static String daysText(ServiceDescriptor d, String lang) {
        int min = d.fees().stream().mapToInt(FeeTier::days).min().orElse(0);
        int max = d.fees().stream().mapToInt(FeeTier::days).max().orElse(0);
        if (min == max) {
            return daysText(min, lang);
        }
        return Messages.of(Messages.CITIZEN, lang).get(min == 0 ? "sameDayTo" : "daysRange", min == 0 ? max : min, max);
    }

    /** @return the fee of one speed, as plain text: "No fee" or the amount */
    public static String feeText(long amount, String lang) {
        return amount == 0 ? Messages.of(Messages.CITIZEN, lang).get("noFee") : Money.pkr(amount, lang);
    }

    /** @return what the service costs, for a list: "Fee PKR 750", "Fee from PKR 750", "No fee", as plain text */
    public static String feeLineText(ServiceDescriptor d, String lang) {
        Messages m = Messages.of(Messages.CITIZEN, lang);
        long min = d.fees().stream().mapToLong(FeeTier::amount).min().orElse(0);
        long max = d.fees().stream().mapToLong(FeeTier::amount).max().orElse(0);
        if (max == 0) {
            return m.get("noFee");
        }
        if (min == 0) {
            long faster = d.fees().stream().mapToLong(FeeTier::amount).filter(a -> a > 0).min().orElse(max);
            return m.get("freeOrFrom", Money.pkr(faster, lang));
        }
        return m.get(min == max ? "feeOnly" : "feeFrom", Money.pkr(min, lang));
    }

    /** @return {@link #daysText(int, String)} as HTML */
    public static String days(int days, String lang) {
        return Http.text(daysText(days, lang), Languages.dir(lang));
    }

    /** @return {@link #daysText(ServiceDescriptor, String)} as HTML */
    public static String days(ServiceDescriptor d, String lang) {
        return Http.text(daysText(d, lang), Languages.dir(lang));
    }

    /** @return {@link #feeText} as HTML */
    public static String fee(long amount, String lang) {
        return Http.text(feeText(amount, lang), Languages.dir(lang));
    }

    /** @return {@link #feeLineText} as HTML */
    public static String feeLine(ServiceDescriptor d, String lang) {
        return Http.text(feeLineText(d, lang), Languages.dir(lang));
    }
}
