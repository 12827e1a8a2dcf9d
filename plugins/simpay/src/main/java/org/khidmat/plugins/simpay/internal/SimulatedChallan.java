package org.khidmat.plugins.simpay.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.payment.Charge;
import org.khidmat.api.payment.PaymentProvider;
import org.osgi.service.component.annotations.Component;

/**
 * A simulated bank challan: starting issues a challan number to pay at a branch; confirming stands for the bank's
 * confirmation and makes it paid. Stateless, so a restart keeps issued challans payable. No money moves.
 */
@Component(property = PaymentProvider.PROVIDER_ID + "=" + SimulatedChallan.ID)
public final class SimulatedChallan implements PaymentProvider {
    static final String ID = "simpay.challan";
    static final String PREFIX = "SIM-CH-";
    private final AtomicLong next = new AtomicLong(System.currentTimeMillis());

    @Override
    public Charge start(String reference, long amount, String description) {
        if (amount <= 0) {
            throw new IllegalArgumentException("the amount must be more than 0 rupees, not " + amount);
        }
        String challan = PREFIX + next.incrementAndGet();
        // in both languages, as the centre reads them ({"en": ..., "ur": ...}); the values hold no quote or backslash
        return new Charge(challan, Charge.Status.PENDING, "{\"en\":\"Pay challan " + challan + " of PKR " + amount
                + " at any bank branch (simulated: no real money)\",\"ur\":\"چالان " + challan + " کے " + amount
                + " روپے کسی بھی بینک برانچ میں جمع کرائیں (نقلی: کوئی اصل رقم نہیں)\"}");
    }

    @Override
    public Charge confirm(String providerReference) {
        boolean ours = providerReference != null && providerReference.startsWith(PREFIX);
        return new Charge(providerReference, ours ? Charge.Status.PAID : Charge.Status.FAILED, null);
    }
}
