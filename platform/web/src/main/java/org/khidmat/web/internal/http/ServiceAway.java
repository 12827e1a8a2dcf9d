package org.khidmat.web.internal.http;

/**
 * A page asked a platform service that is away (its bundle being updated, its component restarting with a new
 * configuration): {@link Failures} answers that page 503 with both sentences, while every page that does not need the
 * service keeps answering. No stack trace: it is no fault of the code that threw it.
 */
public final class ServiceAway extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Standby.Away words;

    public ServiceAway(Standby.Away words) {
        super(words.en(), null, false, false);
        this.words = words;
    }

    /** @return what the citizen or staff member reads, in English */
    public String en() {
        return words.en();
    }

    /** @return the same in Urdu */
    public String ur() {
        return words.ur();
    }
}
