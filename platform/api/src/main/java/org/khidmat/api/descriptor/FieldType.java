package org.khidmat.api.descriptor;

import java.util.Locale;

/**
 * The kinds of form field a descriptor may ask for; each brings its own validation.
 */
public enum FieldType {
    /** Free text on one line. */
    TEXT,
    /** Free text over several lines. */
    TEXTAREA,
    /** A computerised national identity card number: 13 digits, shown as 12345-1234567-1. */
    CNIC,
    /** A calendar date, ISO form 2026-01-31. */
    DATE,
    /** One of the field's options. */
    SELECT,
    /** A Pakistani mobile or landline number. */
    PHONE,
    /** An email address. */
    EMAIL,
    /** A whole number. */
    NUMBER;

    /** @return the name used in descriptors, for example {@code cnic} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
