package org.khidmat.api.descriptor;

/**
 * One choice of a {@link FieldType#SELECT} field.
 *
 * @param value the value stored
 * @param label what the citizen sees
 */
public record Option(String value, Text label) {
}
