package org.khidmat.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rules for one service that its descriptor cannot express: eligibility by age, cross-field checks.
 *
 * <p>Register an implementation as an OSGi service (a Declarative Services component is simplest) with
 * the property {@link #SERVICE_ID} set to the descriptor's {@code id}, and set {@code "handler": true}
 * in that descriptor so the centre waits for it when the bundle is deployed. The centre calls it after
 * the descriptor's own field rules have passed.
 */
@ConsumerType
public interface ServiceHandler {

    /** Service property naming the descriptor id this handler serves. */
    String SERVICE_ID = "khidmat.service.id";

    /**
     * Checks a submission.
     *
     * @param submission the answers as the citizen gave them, already checked against the descriptor
     * @return the problems found, empty when the submission may go ahead; never {@code null}
     */
    List<Problem> check(Submission submission);
}
