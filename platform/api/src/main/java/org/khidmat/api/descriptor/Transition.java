package org.khidmat.api.descriptor;

/**
 * A move the agency may make from one state to another.
 *
 * @param from the state moved from
 * @param to the state moved to
 * @param label the action's name, for example "Approve"
 * @param noteRequired whether staff must say why (a rejection, for one)
 */
public record Transition(String from, String to, Text label, boolean noteRequired) {
}
