package org.khidmat.api.descriptor;

/**
 * The agency that offers a service.
 *
 * @param code short lowercase code, for example {@code nadra}
 * @param name the agency's name
 */
public record Agency(String code, Text name) {
}
