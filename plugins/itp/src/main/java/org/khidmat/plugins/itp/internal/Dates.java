package org.khidmat.plugins.itp.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

final class Dates {
    private Dates() {
    }

    /** @return the date, or {@code null} when empty or not ISO (the field rules refused that already) */
    static LocalDate parse(String value) {
        try {
            return value.isEmpty() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
