package org.khidmat.api.platform;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The centre's open figures, per service and per agency, with no personal data. Percentiles are nearest-rank;
 * a promise of {@code n} days is kept when the application finished within {@code n} x 24 hours (calendar days).
 */
@ProviderType
public interface Figures {

    /**
     * @param from the first day, in the centre's time zone
     * @param to the last day, inclusive; applications filed (with their ratings) and tokens taken on these days count
     * @return per agency: its row ({@code serviceId} {@code null}) then its services' rows, by agency then service
     */
    List<FigureRow> figures(LocalDate from, LocalDate to);

    /**
     * The figures of one centre, or of the whole country: the applications filed at the centre (tracked and
     * collected anywhere), its ratings, tokens and appointments. The country's are the sums over every centre.
     *
     * @param centre a centre's id, or {@code null} for the whole country
     * @param from the first day, in the centre's time zone
     * @param to the last day, inclusive
     * @return per agency: its row then its services' rows, as {@link #figures(LocalDate, LocalDate)}
     * @since 2.1
     */
    default List<FigureRow> figures(String centre, LocalDate from, LocalDate to) {
        return figures(from, to);
    }

    /**
     * @param rows rows from {@link #figures}
     * @return them as CSV with a header line; durations in hours with two decimals, shares and ratings with two
     */
    String csv(List<FigureRow> rows);
}
