package org.khidmat.api.platform;

import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Rule;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Compiles and evaluates the rules that descriptors carry as expressions ({@link Rule}), in a sandbox: the
 * expressions see the answers, today's date and the fee tier, and nothing else. The expression library is the
 * rules bundle's private business; no other bundle sees its classes.
 *
 * @since 1.4.0
 */
@ProviderType
public interface Rules {

    /**
     * Compiles and type-checks every rule of a descriptor, as the deployer does before it accepts a bundle.
     * The compiled rules are kept for {@link #check}.
     *
     * @param descriptor a descriptor, as {@link org.khidmat.api.descriptor.Descriptors} read it
     * @return one line per problem, in the descriptor problems' form
     *         ({@code services/x.json: rules[0].check: ...}, naming the rule id and the expression error); empty when
     *         every rule compiles
     */
    List<String> compile(ServiceDescriptor descriptor);

    /**
     * Evaluates rules of a descriptor against a submission whose answers have passed the field rules. A rule whose
     * {@code when} is false is skipped; one whose {@code check} is false gives its message on its first field. A
     * rule that fails while it runs gives a general message on its field and is logged with its id: it never
     * throws. When the submission's tier is {@code null} (not chosen yet), rules that read {@code tier} are
     * skipped.
     *
     * @param descriptor the service's descriptor
     * @param rules the rules to evaluate, taken from {@code descriptor.rules()}
     * @param submission the answers as stored (a CNIC as 13 digits), the tier and today's date
     * @return the problems, in the order of the rules; empty when all hold
     */
    List<Problem> check(ServiceDescriptor descriptor, List<Rule> rules, Submission submission);
}
