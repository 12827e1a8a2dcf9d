package org.khidmat.api.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A citizen's unfinished form as a {@link DraftStore} keeps it: the service, the speed chosen, the answers the form's
 * rules accepted so far, the reference once filed, and for a form an operator fills at a counter the queue token it
 * is for. Immutable; the {@code with*} methods give a changed copy. A final class with a factory, so it can grow a
 * field in a minor version.
 *
 * @since 1.2
 */
public final class StoredDraft {
    private final String serviceId;
    private final String tier;
    private final Map<String, String> answers;
    private final String reference;
    private final long tokenId;
    private final String tokenNumber;
    private final String operator;
    private final Instant touched;

    private StoredDraft(String serviceId, String tier, Map<String, String> answers, String reference, long tokenId,
            String tokenNumber, String operator, Instant touched) {
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.tier = tier;
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(answers, "answers")));
        this.reference = reference;
        this.tokenId = tokenId;
        this.tokenNumber = tokenNumber;
        this.operator = operator;
        this.touched = touched;
    }

    /**
     * @param serviceId the service whose form this is
     * @return an empty draft of that service's form
     */
    public static StoredDraft of(String serviceId) {
        return new StoredDraft(serviceId, null, Map.of(), null, 0, null, null, null);
    }

    /** @return the service whose form this is */
    public String serviceId() {
        return serviceId;
    }

    /** @return the fee tier chosen, or {@code null} before one is */
    public String tier() {
        return tier;
    }

    /** @return the answers kept so far, in the order given; unmodifiable */
    public Map<String, String> answers() {
        return answers;
    }

    /** @return the application's reference once the form is filed, else {@code null} */
    public String reference() {
        return reference;
    }

    /** @return the queue token an operator fills this form for at a counter, or 0 for a citizen's own form */
    public long tokenId() {
        return tokenId;
    }

    /** @return that token's number ("A-017"), or {@code null} */
    public String tokenNumber() {
        return tokenNumber;
    }

    /** @return the operator filling the form at a counter, or {@code null} */
    public String operator() {
        return operator;
    }

    /** @return when the store last wrote or touched the draft (on a draft read from a store), else {@code null} */
    public Instant touched() {
        return touched;
    }

    /** @return a copy with that tier */
    public StoredDraft withTier(String tier) {
        return new StoredDraft(serviceId, tier, answers, reference, tokenId, tokenNumber, operator, touched);
    }

    /** @return a copy with those answers (copied) */
    public StoredDraft withAnswers(Map<String, String> answers) {
        return new StoredDraft(serviceId, tier, answers, reference, tokenId, tokenNumber, operator, touched);
    }

    /** @return a copy filed under that reference */
    public StoredDraft withReference(String reference) {
        return new StoredDraft(serviceId, tier, answers, reference, tokenId, tokenNumber, operator, touched);
    }

    /** @return a copy filled at a counter for that token by that operator */
    public StoredDraft withToken(long tokenId, String tokenNumber, String operator) {
        return new StoredDraft(serviceId, tier, answers, reference, tokenId, tokenNumber, operator, touched);
    }

    /** @return a copy saying when the store last wrote or touched it; for stores */
    public StoredDraft withTouched(Instant touched) {
        return new StoredDraft(serviceId, tier, answers, reference, tokenId, tokenNumber, operator, touched);
    }

    /** @return characters of its answers, names and values, as counted against {@link DraftStore#DRAFT_CHARS} */
    public int chars() {
        long n = 0;
        for (Map.Entry<String, String> e : answers.entrySet()) {
            n += e.getKey().length() + e.getValue().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredDraft d && serviceId.equals(d.serviceId) && Objects.equals(tier, d.tier)
                && answers.equals(d.answers) && Objects.equals(reference, d.reference) && tokenId == d.tokenId
                && Objects.equals(tokenNumber, d.tokenNumber) && Objects.equals(operator, d.operator)
                && Objects.equals(touched, d.touched);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceId, reference, tokenId);
    }

    @Override
    public String toString() {
        return "StoredDraft[" + serviceId + ", " + answers.size() + " answers, filed " + (reference != null) + "]"; // no answer
    }
}
