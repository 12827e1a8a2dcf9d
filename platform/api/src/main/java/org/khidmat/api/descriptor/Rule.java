package org.khidmat.api.descriptor;

import java.util.List;
import java.util.Objects;

/**
 * One validation rule of a service, written as data: an expression over the answers that must hold, and
 * what to tell the citizen when it does not. The expressions are in Google's Common Expression Language
 * (CEL); the API reads and checks only their shape, the centre's rules service compiles and runs them.
 *
 * <p>Created by {@link Descriptors} only; a final class rather than a record so that it can grow.
 */
public final class Rule {
    private final String id;
    private final String when;
    private final String check;
    private final List<String> fields;
    private final Text message;

    private Rule(String id, String when, String check, List<String> fields, Text message) {
        this.id = Objects.requireNonNull(id, "id");
        this.when = when;
        this.check = Objects.requireNonNull(check, "check");
        this.fields = List.copyOf(fields);
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * @param id the rule's id, unique within the descriptor ({@code adult}, {@code expiry-window})
     * @param when a CEL condition under which the rule applies, or {@code null} for always
     * @param check a CEL expression that must be true for the answers to pass
     * @param fields the form fields the rule concerns; the first one carries the message; may be empty
     * @param message what to tell the citizen when {@code check} is false
     * @return the rule
     */
    public static Rule of(String id, String when, String check, List<String> fields, Text message) {
        return new Rule(id, when, check, fields, message);
    }

    /** @return the rule's id, unique within its descriptor */
    public String id() {
        return id;
    }

    /** @return the CEL condition under which the rule applies, or {@code null} when it always applies */
    public String when() {
        return when;
    }

    /** @return the CEL expression that must be true */
    public String check() {
        return check;
    }

    /** @return the form fields the rule concerns, in the descriptor's order; unmodifiable, may be empty */
    public List<String> fields() {
        return fields;
    }

    /** @return the field that carries the message, or {@code null} when the rule concerns the whole submission */
    public String field() {
        return fields.isEmpty() ? null : fields.get(0);
    }

    /** @return what to tell the citizen when the check is false, in English and Urdu */
    public Text message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && id.equals(r.id) && Objects.equals(when, r.when) && check.equals(r.check)
                && fields.equals(r.fields) && message.equals(r.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, when, check, fields, message);
    }

    @Override
    public String toString() {
        return "rule " + id;
    }
}
