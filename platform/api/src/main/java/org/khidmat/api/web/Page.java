package org.khidmat.api.web;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One page (or JSON resource) of the centre's web server, registered as an OSGi service with {@link #PATH} and
 * optionally {@link #METHODS} and {@link #ROLE}. The server routes a request whose path matches one of the page's paths
 * to it, answers 405 for another method, 401 or a login redirect and 403 for a caller without the role, and 503 (in
 * English and Urdu) at the page's paths while it is gone, the other pages serving on. Paths of the platform's own
 * pages take precedence over a registered page's.
 */
@ConsumerType
public interface Page {
    /**
     * Service property, one or more strings: the paths answered, as URI templates ({@code /figures},
     * {@code /api/v1/figures}, {@code /notices/{id}}); a template's variables are read with {@link Ask#parameter}.
     */
    String PATH = "khidmat.web.path";
    /** Service property, one or more strings: the HTTP methods answered; {@code GET} and {@code HEAD} when absent. */
    String METHODS = "khidmat.web.methods";
    /**
     * Service property, one or more strings: the staff roles that may ask ({@code ADMIN}, {@code OPERATOR},
     * {@code AGENCY}, the names of {@code org.khidmat.api.platform.Role}); absent for a public page.
     */
    String ROLE = "khidmat.web.role";

    /**
     * Answers one request. Called on the server's threads, many at a time: an implementation keeps no per-request
     * state in fields.
     *
     * @param ask the request
     * @return the answer, never {@code null}
     * @throws IOException when the request's body could not be read; the server answers it (400, 408 or 413)
     */
    Answer answer(Ask ask) throws IOException;
}
