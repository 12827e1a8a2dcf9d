package org.khidmat.api.store;

import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable applications, their status history, and the descriptor versions they were filed under.
 * A method that returns has committed its change to disk.
 */
@ProviderType
public interface ApplicationStore {

    /**
     * Stores a new application with the first line of its history, atomically.
     *
     * @param application the application; its reference must be new
     * @param first the submission as a status change ({@code from} is {@code null})
     * @throws StoreException when it cannot be stored, or the reference is taken
     */
    void create(ApplicationRecord application, StatusChange first);

    /**
     * Stores a new application with the first line of its history and its audit entry, in one transaction: after
     * a crash either all three are stored or none.
     *
     * @param application the application; its reference must be new
     * @param first the submission as a status change ({@code from} is {@code null})
     * @param audit the audit entry, normally {@code application.submit} for the reference
     * @throws StoreException when it cannot be stored, or the reference is taken; nothing is stored then
     * @since 1.4
     */
    void create(ApplicationRecord application, StatusChange first, AuditNote audit);

    /**
     * Files an application in one transaction: the application, the first line of its history, its audit entry and
     * the messages that tell the citizen (queued in the outbox). After a crash all of it is stored or none; when
     * this returns, all of it is on disk. The reference's uniqueness is the database's: a reference already taken
     * stores nothing and returns empty, for the caller to draw another.
     *
     * @param application the application
     * @param first the submission as a status change ({@code from} is {@code null})
     * @param audit the audit entry, normally {@code application.submit} for the reference
     * @param messages notifications in state queued, about this reference (their ids are ignored); may be empty
     * @return the messages as stored, with their ids, in the order given; empty when the reference is taken
     * @throws NullPointerException when the application, its reference or {@code first} is {@code null}
     * @throws IllegalArgumentException when {@code first} or a message is about another reference
     * @throws StoreException when it cannot be stored (a required value missing, a message the store cannot hold);
     *         nothing is stored then, and the reference stays free
     * @since 1.6
     */
    Optional<List<Notification>> file(ApplicationRecord application, StatusChange first, AuditNote audit,
            List<Notification> messages);

    /**
     * @param reference a reference, matched exactly (case and dashes included: callers normalise what citizens type)
     * @return the application, if there is one
     */
    Optional<ApplicationRecord> find(String reference);

    /**
     * @param reference a reference
     * @return its history in the order the moves were made (the submission first), whatever their {@code at} times
     *         say (nodes' clocks may differ); empty for an unknown reference
     */
    List<StatusChange> history(String reference);

    /**
     * Moves an application to a new state if it is still in the expected one, and records the move: its status becomes
     * {@code change.to()} and its {@code updatedAt} {@code change.at()}. Of callers moving it from one state at once
     * (on any node), exactly one is told {@code true}.
     *
     * @param change the move; {@code change.from()} is the expected current state
     * @return {@code false} when the application is unknown or no longer in {@code change.from()}
     * @throws StoreException when it cannot be stored
     */
    boolean move(StatusChange change);

    /**
     * Like {@link #move(StatusChange)}, and writes the audit entry in the same transaction when the move is made
     * (not when it returns {@code false}).
     *
     * @param change the move; {@code change.from()} is the expected current state
     * @param audit the audit entry of the move
     * @return {@code false} when the application is unknown or no longer in {@code change.from()}; nothing is written
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    boolean move(StatusChange change, AuditNote audit);

    /**
     * @param agency an agency code, or {@code null} for all
     * @param serviceId a service id, or {@code null} for all
     * @param status a state, or {@code null} for all
     * @param limit the most to return; 0 or less gives none
     * @return matching applications, newest first (by filing time, then reference as {@link String#compareTo} orders
     *         it, both descending), as {@link #page} orders them
     */
    List<ApplicationRecord> list(String agency, String serviceId, String status, int limit);

    /**
     * One page of applications, newest first (by filing time, then reference), after a cursor: keyset paging, so
     * a page costs the same however deep it is, and applications filed while someone pages do not shift the pages.
     * The default reads {@link #list} whole; stores override it with an indexed query.
     *
     * @param agency an agency code, or {@code null} for all
     * @param serviceId a service id, or {@code null} for all
     * @param status a state, or {@code null} for all
     * @param after where the previous page ended, or {@code null} for the first page; it need not be an application's
     * @param limit the most to return; 0 or less gives none
     * @return matching applications after the cursor, newest first
     * @throws StoreException when they cannot be read
     * @since 1.5
     */
    default List<ApplicationRecord> page(String agency, String serviceId, String status, InboxCursor after, int limit) {
        return list(agency, serviceId, status, Integer.MAX_VALUE).stream().filter(a -> after == null || after.precedes(a))
                .limit(Math.max(0, limit)).toList();
    }

    /**
     * What the open figures need of the applications filed in a period: counts and ratings per service, descriptor
     * version and tier, and first moves into each state counted per span of time after filing, read from sums kept
     * per day as applications change rather than from the applications, so a year costs about 365 rows per service.
     *
     * @param from the earliest filing time, inclusive
     * @param to the latest, exclusive
     * @return the facts; empty lists when nothing was filed
     * @throws StoreException when they cannot be read
     */
    FigureFacts figureFacts(Instant from, Instant to);

    /**
     * The figure facts of the applications filed at one centre, or in the whole country.
     *
     * @param centre the centre's id, or {@code null} for every centre
     * @param from the earliest filing time, inclusive
     * @param to the latest, exclusive
     * @return the facts; empty lists when nothing was filed
     * @throws StoreException when they cannot be read
     * @since 1.1
     */
    default FigureFacts figureFacts(String centre, Instant from, Instant to) {
        return figureFacts(from, to);
    }

    /**
     * Keeps a descriptor's text so applications filed under it stay processable after the bundle changes.
     * Storing the same service id and version again is a no-op.
     *
     * @param serviceId the service
     * @param version the descriptor version
     * @param json the descriptor text
     */
    void keepDescriptor(String serviceId, int version, String json);

    /**
     * @param serviceId the service
     * @param version the descriptor version
     * @return the descriptor text kept for it, if any
     */
    Optional<String> descriptor(String serviceId, int version);
}
