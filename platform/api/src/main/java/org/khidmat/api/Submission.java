package org.khidmat.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a citizen submitted for one service: the chosen fee tier and the answers by field name.
 */
public final class Submission {
    private final String serviceId;
    private final String tier;
    private final Map<String, String> answers;
    private final LocalDate today;

    private Submission(String serviceId, String tier, Map<String, String> answers, LocalDate today) {
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.tier = tier;
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        this.today = Objects.requireNonNull(today, "today");
    }

    /**
     * @param serviceId the descriptor id
     * @param tier the fee tier id, or {@code null} when the service has a single tier
     * @param answers field name to the answer as typed (trimmed)
     * @param today the centre's date, so that age rules are testable
     * @return the submission
     */
    public static Submission of(String serviceId, String tier, Map<String, String> answers, LocalDate today) {
        return new Submission(serviceId, tier, answers, today);
    }

    /** @return the descriptor id */
    public String serviceId() {
        return serviceId;
    }

    /** @return the fee tier id, or {@code null} */
    public String tier() {
        return tier;
    }

    /** @return the answers by field name, in form order; unmodifiable */
    public Map<String, String> answers() {
        return answers;
    }

    /**
     * @param field a field name
     * @return the answer, or an empty string when the field was left empty
     */
    public String answer(String field) {
        return answers.getOrDefault(field, "");
    }

    /**
     * @param field a field name
     * @return the answer as a date (ISO form, 2026-01-31), or empty when the field is empty or not a date
     */
    public Optional<LocalDate> date(String field) {
        String value = answer(field);
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** @return the centre's date when the submission was made */
    public LocalDate today() {
        return today;
    }
}
