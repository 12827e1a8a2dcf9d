package org.khidmat.api.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One request to a {@link Page}, as the web server read it. Made by the server only. */
@ProviderType
public interface Ask {
    /** @return the HTTP method, upper case ({@code GET}) */
    String method();

    /** @return the path, decoded, without the query ({@code /notices/42}) */
    String path();

    /**
     * @param name a variable of the path template that matched ({@code id} of {@code /notices/{id}})
     * @return its value in this request's path, or {@code null} when the template has no such variable
     */
    String parameter(String name);

    /** @return the query parameters, in order; the last value of a repeated name wins */
    Map<String, String> query();

    /** @return the language to answer in: {@code en} or {@code ur} (chosen by the citizen, remembered for the visit) */
    String lang();

    /**
     * @param name a header's name, in any case
     * @return its value when the request has it
     */
    Optional<String> header(String name);

    /**
     * @return the fields of an {@code application/x-www-form-urlencoded} body, in order; empty without a body
     * @throws IOException when the body could not be read; a body over the server's limit (64 KB) is answered 413
     */
    Map<String, String> form() throws IOException;

    /** @return the signed-in staff member's account name; empty for a public page's anonymous caller */
    Optional<String> caller();
}
