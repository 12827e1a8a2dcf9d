package org.khidmat.web.internal;

/**
 * A page asked a platform service that is away (its bundle being updated, its component restarting with a new
 * configuration): {@link Failures} answers that page 503 with both sentences, while every page that does not need the
 * service keeps answering. No stack trace: it is no fault of the code that threw it.
 */
final class ServiceAway extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Standby.Words words;

    ServiceAway(Standby.Words words) {
        super(words.en(), null, false, false);
        this.words = words;
    }

    /** @return what the citizen or staff member reads, in English */
    String en() {
        return words.en();
    }

    /** @return the same in Urdu */
    String ur() {
        return words.ur();
    }
}
