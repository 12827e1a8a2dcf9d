package org.khidmat.api.platform;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Durable ratings, one per application. */
@ProviderType
public interface RatingStore {

    /**
     * @param rating a rating
     * @return {@code false} when the application was rated before (nothing is changed)
     * @throws StoreException when it cannot be stored
     */
    boolean addIfAbsent(Rating rating);

    /** @return the application's rating, if any */
    Optional<Rating> rating(String reference);

    /** @return every rating, oldest first */
    List<Rating> ratings();
}
