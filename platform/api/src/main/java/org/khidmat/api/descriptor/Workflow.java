package org.khidmat.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The states of an application to a service and the moves between them.
 *
 * @param initial the state a new application starts in
 * @param states every state, in the order shown
 * @param transitions every allowed move
 */
public record Workflow(String initial, List<State> states, List<Transition> transitions) {

    /**
     * @param id a state id
     * @return the state, if the workflow has it
     */
    public Optional<State> state(String id) {
        return states.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * @param from the current state
     * @return the moves allowed from it
     */
    public List<Transition> from(String from) {
        return transitions.stream().filter(t -> t.from().equals(from)).toList();
    }

    /**
     * @param from the current state
     * @param to the wanted state
     * @return the transition, if the workflow allows that move
     */
    public Optional<Transition> transition(String from, String to) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
    }
}
