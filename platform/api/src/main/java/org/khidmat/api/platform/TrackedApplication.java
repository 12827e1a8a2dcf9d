package org.khidmat.api.platform;

import java.util.List;
import org.khidmat.api.descriptor.ServiceDescriptor;
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

    /** @return the moves its workflow allows from the current state */
    public List<Transition> next() {
        return descriptor.workflow().from(application.status());
    }
}
