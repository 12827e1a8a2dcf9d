package org.khidmat.api.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * One service, as its agency describes it.
 *
 * @param id globally unique id, {@code <agency code>.<service>}, for example {@code nadra.cnic-renewal}
 * @param version the descriptor's own version, a whole number raised by the agency when it changes
 * @param agency the agency
 * @param category the catalogue category, for example {@code identity}
 * @param title the service's name
 * @param summary one or two sentences on what the service is
 * @param eligibility who can apply
 * @param documents what to bring or upload
 * @param fees the fee tiers, at least one
 * @param form the form's questions, in order
 * @param workflow states and moves of an application
 * @param handler whether the bundle registers a {@link org.khidmat.api.ServiceHandler} for this service
 * @param rules the validation rules written as expressions, in order (since 1.2.0); empty when there are none
 * @param source where the descriptor was read from, for messages
 */
public record ServiceDescriptor(String id, int version, Agency agency, String category, Text title, Text summary,
        Text eligibility, List<Text> documents, List<FeeTier> fees, List<Field> form, Workflow workflow,
        boolean handler, List<Rule> rules, String source) {

    /** The rules are never {@code null}: an absent list is an empty one. */
    public ServiceDescriptor {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * The descriptor of format 1.1.0 and before, without rules; kept so that code built against it still links.
     *
     * @param id see the record components
     * @param version see the record components
     * @param agency see the record components
     * @param category see the record components
     * @param title see the record components
     * @param summary see the record components
     * @param eligibility see the record components
     * @param documents see the record components
     * @param fees see the record components
     * @param form see the record components
     * @param workflow see the record components
     * @param handler see the record components
     * @param source see the record components
     */
    public ServiceDescriptor(String id, int version, Agency agency, String category, Text title, Text summary,
            Text eligibility, List<Text> documents, List<FeeTier> fees, List<Field> form, Workflow workflow,
            boolean handler, String source) {
        this(id, version, agency, category, title, summary, eligibility, documents, fees, form, workflow, handler,
                List.of(), source);
    }

    /** @return the cheapest fee tier */
    public FeeTier lowestFee() {
        return fees.stream().min((a, b) -> Long.compare(a.amount(), b.amount())).orElseThrow();
    }

    /**
     * @param tierId a fee tier id
     * @return that tier, if the service offers it
     */
    public Optional<FeeTier> fee(String tierId) {
        return fees.stream().filter(f -> f.id().equals(tierId)).findFirst();
    }

    /**
     * @param name a field name
     * @return the field, if the form has it
     */
    public Optional<Field> field(String name) {
        return form.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
