package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.TrackedApplication;

/**
 * What an application owes and how money is shown: the fee of its tier in the descriptor it was filed under, its
 * payment state, amounts in rupees, the time of a payment in the centre's zone, and providers' plain names.
 */
public final class Money {
    /** The application's payment state (as in {@code ApplicationRecord.paymentState}). */
    static final String NONE = "none";
    public static final String DUE = "due";
    /** Thousands grouped ({@code 1,500}); a format is not safe between threads, and making one per amount was slow. */
    private static final ThreadLocal<NumberFormat> GROUPED = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.ROOT));

    private Money() {
    }

    /** @return the tier the application was filed with (its descriptor's lowest when it has none) */
    public static FeeTier tier(TrackedApplication t) {
        ServiceDescriptor d = t.descriptor();
        return t.application().tier() == null ? d.lowestFee() : d.fee(t.application().tier()).orElse(d.lowestFee());
    }

    /**
     * @return {@code none}, {@code due}, {@code pending} or {@code paid}: from the payment when there is one, else
     *         from the tier's amount (so a fee is due even where the record still says {@code none})
     */
    public static String state(TrackedApplication t, Optional<Payment> payment) {
        if (payment.isPresent()) {
            return payment.get().paid() ? Payment.PAID : Payment.PENDING;
        }
        return tier(t).amount() > 0 ? DUE : NONE;
    }

    /** @return the amount as the citizen reads it ({@code money}: {@code PKR 1,500}, {@code 1,500 روپے}), HTML-safe */
    public static String pkr(long amount, String lang) {
        String n = GROUPED.get().format(amount);
        return Messages.of(Messages.CITIZEN, lang).get("money", n);
    }

    /** @return the provider's plain name for citizens, or its id when the centre has no name for it */
    public static String provider(String id, String lang) {
        return switch (id) {
            case "simpay.wallet" -> Messages.of(Messages.PAY, lang).html("wallet");
            case "simpay.challan" -> Messages.of(Messages.PAY, lang).html("challan");
            default -> Http.escape(id);
        };
    }
}
