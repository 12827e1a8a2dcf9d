package org.khidmat.plugins.simpay.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.payment.Charge;
import org.khidmat.api.payment.PaymentProvider;
import org.osgi.service.component.annotations.Component;

/** A simulated mobile wallet: every payment is paid at once. No money moves. */
@Component(property = PaymentProvider.PROVIDER_ID + "=" + SimulatedWallet.ID)
public final class SimulatedWallet implements PaymentProvider {
    static final String ID = "simpay.wallet";
    static final String PREFIX = "SIM-W-";
    private final AtomicLong next = new AtomicLong(System.currentTimeMillis());

    @Override
    public Charge start(String reference, long amount, String description) {
        if (amount <= 0) {
            throw new IllegalArgumentException("the amount must be more than 0 rupees, not " + amount);
        }
        return new Charge(PREFIX + next.incrementAndGet(), Charge.Status.PAID, null);
    }

    @Override
    public Charge confirm(String providerReference) {
        boolean ours = providerReference != null && providerReference.startsWith(PREFIX);
        return new Charge(providerReference, ours ? Charge.Status.PAID : Charge.Status.FAILED, null);
    }
}
