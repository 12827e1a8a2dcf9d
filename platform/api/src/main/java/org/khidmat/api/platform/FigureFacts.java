package org.khidmat.api.platform;

import java.time.Duration;
import java.util.List;

/**
 * What the open figures need of the applications filed in a period, read by {@link ApplicationStore#figureFacts} in
 * two aggregate queries rather than one read per application. Which states are final, and how many days a fee tier
 * promises, are the descriptor's to say, so the figures decide those with the descriptor version of each row.
 *
 * @param groups the applications counted per service, descriptor version, fee tier and rated service
 * @param firstMoves for each application, the first move (after filing) into each state it has reached
 */
public record FigureFacts(List<Group> groups, List<FirstMove> firstMoves) {

    /** Copies the lists, which must not be {@code null}. */
    public FigureFacts {
        groups = List.copyOf(groups);
        firstMoves = List.copyOf(firstMoves);
    }

    /**
     * Applications of one service, descriptor version and fee tier, rated (with ratings naming one service) or not.
     *
     * @param serviceId the service applied for
     * @param descriptorVersion the descriptor version filed under
     * @param tier the fee tier id, or {@code null}
     * @param ratedServiceId the service their ratings name, or {@code null} for the applications not rated
     * @param applications how many applications
     * @param ratings how many of them are rated: {@code applications}, or 0 when {@code ratedServiceId} is {@code null}
     * @param stars the sum of their ratings' stars
     */
    public record Group(String serviceId, int descriptorVersion, String tier, String ratedServiceId, int applications,
            int ratings, long stars) {
    }

    /**
     * An application's first move into one state.
     *
     * @param reference the application, to tell one application's moves from another's
     * @param serviceId its service
     * @param descriptorVersion the descriptor version it was filed under
     * @param tier its fee tier id, or {@code null}
     * @param state the state moved into
     * @param order where the move stands in the history: of two moves, the earlier has the smaller order
     * @param afterFiling from filing to that move
     */
    public record FirstMove(String reference, String serviceId, int descriptorVersion, String tier, String state,
            long order, Duration afterFiling) {
    }
}
