package org.khidmat.api.store;

import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StoreException;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Durable ratings, one per application. */
@ProviderType
public interface RatingStore {

    /**
     * @param rating a rating
     * @return {@code false} when the application was rated before (nothing is changed); of ratings sent at once,
     *         exactly one is added
     * @throws StoreException when it cannot be stored: stars outside 1 to 5, an application the store does not have;
     *         nothing is stored then
     */
    boolean addIfAbsent(Rating rating);

    /**
     * Like {@link #addIfAbsent(Rating)}, and writes the audit entry in the same transaction when the rating is added.
     *
     * @param rating a rating
     * @param audit the audit entry, normally {@code rating.add}
     * @return {@code false} when the application was rated before (nothing is written)
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    boolean addIfAbsent(Rating rating, AuditNote audit);

    /** @return the application's rating, if any */
    Optional<Rating> rating(String reference);

    /** @return every rating, oldest first */
    List<Rating> ratings();
}
