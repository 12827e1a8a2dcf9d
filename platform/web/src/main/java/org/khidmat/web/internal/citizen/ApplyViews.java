package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.FormHtml;

import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.ServiceDescriptor;

/** What the form's pages besides its questions show: the speed ({@code tier.jte}), check ({@code check.jte}), done. */
final class ApplyViews {
    private ApplyViews() {
    }

    /** The speed question: the one problem (none chosen), the speed chosen before, the Back link. */
    record Tier(ServiceDescriptor d, List<Problem> problems, String chosen, String back) {
        Problem problem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    /** One answer to check, with where to change it; the label is plain text. */
    record Row(String label, FormHtml.Answer value, String change) {
    }

    /** Check your answers: the problems the centre found when sending (linked to their pages), the answers. */
    record Check(ServiceDescriptor d, List<FormHtml.Listed> problems, String back, List<Row> rows) {
    }

    /**
     * The confirmation.
     *
     * @param promised the time promised for the speed chosen, plain text
     * @param amount the fee to pay, 0 for none
     * @param cnic the applicant's CNIC as answered, carried to the pay page in a POSTed form
     * @param tokenNumber the queue token the form was filled for at a counter, or {@code null}
     */
    record Done(ServiceDescriptor d, String reference, String promised, long amount, String cnic, String tokenNumber) {
    }
}
