package org.khidmat.api.descriptor;

/**
 * A status an application can be in.
 *
 * @param id the state id, for example {@code in-review}
 * @param label what the citizen and staff see
 * @param terminal whether the application is finished in this state
 */
public record State(String id, Text label, boolean terminal) {
}
