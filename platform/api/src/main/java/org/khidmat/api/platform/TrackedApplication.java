package org.khidmat.api.platform;

import java.util.List;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.descriptor.Transition;

/**
 * An application with what is needed to show it: the descriptor version it was filed under and its history.
 *
 * @param application the application as stored
 * @param descriptor the descriptor it was filed under (from the archive when the service changed or left)
 * @param history its moves, oldest first
 */
public record TrackedApplication(ApplicationRecord application, ServiceDescriptor descriptor,
        List<StatusChange> history) {

    /** @return the moves its workflow allows from the current state, whether or not the fee is paid */
    public List<Transition> next() {
        return descriptor.workflow().from(application.status());
    }

    /**
     * @return whether the fee stands in the way of a move to {@code to} now: it is due or its payment is pending, and
     *     {@code to} is not a final state (a refusal may come before payment, anything else only after it)
     * @since 1.6
     */
    public boolean waitsForPayment(String to) {
        boolean unpaid = "due".equals(application.paymentState()) || "pending".equals(application.paymentState());
        return unpaid && !descriptor.workflow().state(to).map(State::terminal).orElse(false);
    }

    /**
     * @return the moves that can succeed now: those of {@link #next()} that do not {@link #waitsForPayment wait for
     *     the fee}; what {@code Applications.move} accepts, short of a note where a move needs one
     * @since 1.6
     */
    public List<Transition> possible() {
        return next().stream().filter(t -> !waitsForPayment(t.to())).toList();
    }
}
