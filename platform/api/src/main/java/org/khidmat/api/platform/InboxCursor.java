package org.khidmat.api.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of an inbox ended: the filing time and reference of its last (oldest) application. The next page
 * holds the applications filed before it (or at the same millisecond with a smaller reference), so pages neither
 * skip nor repeat an application while new ones are filed. Written as {@code <epoch millis>,<reference>}.
 *
 * @since 1.5
 */
public final class InboxCursor {
    private final Instant created;
    private final String reference;

    private InboxCursor(Instant created, String reference) {
        this.created = created;
        this.reference = reference;
    }

    /**
     * @param created the filing time of the last application of a page
     * @param reference its reference
     * @return the cursor after it
     */
    public static InboxCursor after(Instant created, String reference) {
        return new InboxCursor(Objects.requireNonNull(created, "created"), Objects.requireNonNull(reference, "reference"));
    }

    /**
     * @param application the last application of a page
     * @return the cursor after it
     */
    public static InboxCursor after(ApplicationRecord application) {
        return after(application.createdAt(), application.reference());
    }

    /**
     * @param text {@code <epoch millis>,<reference>}, as {@link #toString()} writes it
     * @return the cursor
     * @throws IllegalArgumentException when the text is not a cursor; the message says what one looks like
     */
    public static InboxCursor parse(String text) {
        int comma = text == null ? -1 : text.indexOf(',');
        if (comma <= 0 || comma == text.length() - 1) {
            throw new IllegalArgumentException("'after' must be <epoch millis>,<reference> as the last page gave it");
        }
        try {
            return after(Instant.ofEpochMilli(Long.parseLong(text.substring(0, comma))), text.substring(comma + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'after' must start with the filing time in epoch milliseconds", e);
        }
    }

    /** @return the filing time of the application the page ended with */
    public Instant created() {
        return created;
    }

    /** @return the reference of the application the page ended with */
    public String reference() {
        return reference;
    }

    /**
     * @param application an application
     * @return whether it belongs after this cursor, newest first: filed earlier, or at the same millisecond with a
     *         smaller reference
     */
    public boolean precedes(ApplicationRecord application) {
        long c = application.createdAt().toEpochMilli();
        long mine = created.toEpochMilli();
        return c < mine || c == mine && application.reference().compareTo(reference) < 0;
    }

    /** @return {@code <epoch millis>,<reference>} */
    @Override
    public String toString() {
        return created.toEpochMilli() + "," + reference;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboxCursor other && created.equals(other.created) && reference.equals(other.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, reference);
    }
}
