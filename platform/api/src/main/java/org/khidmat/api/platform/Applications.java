package org.khidmat.api.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Citizens' applications: filing, tracking, and the agency's moves through the service's workflow. The same
 * rules hold for the web pages and the JSON API; implemented by the platform only.
 */
@ProviderType
public interface Applications {

    /** The question added to a form that has no {@code cnic} field, for the applicant's own CNIC. */
    String APPLICANT_CNIC = "applicantCnic";

    /**
     * The questions asked for a service: its form, and when the form has no {@code cnic} field, a first
     * question {@link #APPLICANT_CNIC} on page 1, because every application is tracked by its applicant's CNIC.
     *
     * @param descriptor the service
     * @return the questions in order
     */
    static List<Field> questions(ServiceDescriptor descriptor) {
        if (descriptor.form().stream().anyMatch(f -> f.type() == FieldType.CNIC)) {
            return descriptor.form();
        }
        List<Field> out = new ArrayList<>();
        out.add(new Field(APPLICANT_CNIC, FieldType.CNIC, ApplicantWords.LABEL, ApplicantWords.HINT, true, List.of(),
                0, 15, null, 1));
        out.addAll(descriptor.form());
        return out;
    }

    /**
     * Checks answers against the descriptor's field rules only (no handler), for the fields on one page of
     * the form, so a multi-page form can stop the citizen at the page where an answer is wrong.
     *
     * @param serviceId the service
     * @param answers field name to answer; fields of other pages are ignored
     * @param page the form page, from 1
     * @return the problems found, in form order; empty when the page is fine or the service is unknown
     */
    List<Problem> checkPage(String serviceId, Map<String, String> answers, int page);

    /**
     * Files an application: checks the tier and every answer against the descriptor's field rules, then the
     * service's {@code ServiceHandler} if it has one, and stores it durably before returning its reference.
     * The applicant's CNIC is the answer to the first {@code cnic} field of {@link #questions}; a CNIC
     * answer is stored as its 13 digits, other answers trimmed.
     *
     * @param serviceId the service
     * @param tier the fee tier id, or {@code null} when the service has one tier
     * @param answers field name to answer as typed
     * @return the outcome: the reference, or why not
     * @throws StoreException when the application could not be stored; nothing was acknowledged
     */
    SubmitResult submit(String serviceId, String tier, Map<String, String> answers);

    /**
     * Finds an application for its applicant. An unknown reference and a CNIC that does not match give the
     * same empty answer.
     *
     * @param reference the reference as typed, with or without dashes
     * @param cnic the applicant's CNIC, with or without dashes
     * @return the application with the descriptor it was filed under and its history
     */
    Optional<TrackedApplication> track(String reference, String cnic);

    /**
     * The application for agency staff (the caller checks that they may see it).
     *
     * @param reference the reference as typed
     * @return the application, if there is one
     */
    Optional<TrackedApplication> open(String reference);

    /**
     * An agency's applications for its staff; CNICs are masked ({@code 61101-*******-1}).
     *
     * @param agency the agency code
     * @param serviceId a service id, or {@code null} for all
     * @param status a state id, or {@code null} for all
     * @param limit the most to return
     * @return matching applications, newest first
     */
    List<ApplicationRecord> inbox(String agency, String serviceId, String status, int limit);

    /**
     * One page of an agency's applications, newest first, after the cursor the previous page ended with; CNICs are
     * masked. The default filters {@link #inbox(String, String, String, int)}; the centre's desk pages in the store.
     *
     * @param agency the agency code
     * @param serviceId a service id, or {@code null} for all
     * @param status a state id, or {@code null} for all
     * @param after where the previous page ended ({@link InboxCursor#after(ApplicationRecord)} of its last item), or
     *        {@code null} for the first page
     * @param limit the most to return (the desk caps it)
     * @return matching applications after the cursor, newest first
     * @since 1.5
     */
    default List<ApplicationRecord> inbox(String agency, String serviceId, String status, InboxCursor after, int limit) {
        return inbox(agency, serviceId, status, Integer.MAX_VALUE).stream().filter(a -> after == null || after.precedes(a))
                .limit(Math.max(0, limit)).toList();
    }

    /**
     * Moves an application along its workflow, as the descriptor it was filed under allows, and records
     * who, when and the note in its history and in the audit log.
     *
     * @param reference the application
     * @param to the wanted state
     * @param actor who moves it
     * @param note why, or {@code null}; required where the transition says so
     * @return the outcome
     * @throws StoreException when the move could not be stored
     */
    MoveResult move(String reference, String to, String actor, String note);
}
