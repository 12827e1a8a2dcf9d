package org.khidmat.api;

import java.util.Objects;

/**
 * One thing wrong with a submission, said to the citizen in English and Urdu.
 */
public final class Problem {
    private final String field;
    private final String en;
    private final String ur;

    private Problem(String field, String en, String ur) {
        this.field = field;
        this.en = Objects.requireNonNull(en, "en");
        this.ur = ur == null || ur.isBlank() ? en : ur;
    }

    /**
     * @param field the form field the problem belongs to, or {@code null} for the submission as a whole
     * @param en the message in English, which names the fix ("Enter a date of birth in the past")
     * @param ur the same message in Urdu; the English one is shown when it is {@code null}
     * @return the problem
     */
    public static Problem of(String field, String en, String ur) {
        return new Problem(field, en, ur);
    }

    /** @return the form field name, or {@code null} when the problem concerns the whole submission */
    public String field() {
        return field;
    }

    /** @return the message in English */
    public String en() {
        return en;
    }

    /** @return the message in Urdu */
    public String ur() {
        return ur;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && Objects.equals(field, p.field) && en.equals(p.en) && ur.equals(p.ur);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, en, ur);
    }

    @Override
    public String toString() {
        return (field == null ? "" : field + ": ") + en;
    }
}
