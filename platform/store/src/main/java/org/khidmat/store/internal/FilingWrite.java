package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;

/**
 * One application's filing as one write of the group writer (one place in a group commit): the application,
 * its first history line, its queued messages and, last, its audit entry. The reference's uniqueness is the primary key's:
 * {@code ON CONFLICT DO NOTHING} inserts no row for a reference taken, and then nothing else is written, so a
 * collision costs no read beforehand and fails no other write of the group. In a PostgreSQL group the filings run
 * together, a statement per table ({@link FilingBatch}).
 */
final class FilingWrite implements GroupedWork<Optional<List<Notification>>> {
    /** Inserts an application unless its reference is taken; its values are bound by {@link #bind}. */
    static final String INSERT = "INSERT INTO application (" + SqlApplicationStore.COLUMNS + ", centre) VALUES (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING";

    private final ApplicationRecord application;
    /** The centre it is filed at. */
    private final String centre;
    private final String answers;
    private final StatusChange first;
    private final AuditNote note;
    private final List<Notification> messages;
    private final FilingBatch batch;
    /** The request it is filed for, taken on the caller's thread, for its audit entry when filed in a batch. */
    private final String requestId = RequestTag.current();

    /**
     * @param note the audit entry, or {@code null} for none (older callers of {@code create})
     * @param batch runs it with other filings of a group, and appends its audit entry to the chain
     */
    FilingWrite(ApplicationRecord application, String centre, StatusChange first, AuditNote note,
            List<Notification> messages, FilingBatch batch) {
        this.centre = Objects.requireNonNull(centre, "centre");
        String reference = Objects.requireNonNull(Objects.requireNonNull(application, "application").reference(),
                "reference");
        if (!reference.equals(Objects.requireNonNull(first, "first").reference())) {
            throw new IllegalArgumentException("the first status change is for " + first.reference()
                    + ", not application " + reference);
        }
        for (Notification m : messages) {
            if (!reference.equals(m.reference())) {
                throw new IllegalArgumentException("a message about " + m.reference() + " cannot be filed with application "
                        + reference);
            }
        }
        this.application = application;
        this.answers = AnswersJson.write(application.answers());
        this.first = first;
        this.note = note;
        this.messages = List.copyOf(messages);
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    @Override
    public GroupedWork.Together together() {
        return batch;
    }

    StatusChange first() {
        return first;
    }

    AuditNote note() {
        return note;
    }

    List<Notification> messages() {
        return messages;
    }

    String requestId() {
        return requestId;
    }

    /** Runs this filing alone. @return the messages as stored, or empty when the reference is taken (nothing written) */
    @Override
    public Optional<List<Notification>> run(Connection c) throws SQLException {
        AuditChain chain = batch.chain();
        if (!insert(c)) {
            return Optional.empty();
        }
        SqlApplicationStore.addHistory(c, first);
        List<Notification> stored = new ArrayList<>(messages.size());
        for (Notification m : messages) {
            stored.add(SqlNotificationStore.insert(c, m));
        }
        if (note != null) {
            // last: on PostgreSQL the head's lock is held to the commit and filings take it one at a time, so nothing
            // else may be written while it is held (PostgresFilingLocksTest)
            chain.append(c, note);
        }
        return Optional.of(stored);
    }

    private boolean insert(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            bind(insert);
            return insert.executeUpdate() == 1;
        }
    }

    /** Binds this application's values to {@link #INSERT}. */
    void bind(PreparedStatement insert) throws SQLException {
        ApplicationRecord a = application;
        insert.setString(1, a.reference());
        insert.setString(2, a.serviceId());
        insert.setInt(3, a.descriptorVersion());
        insert.setString(4, a.agency());
        insert.setString(5, a.cnic());
        insert.setString(6, a.tier());
        insert.setString(7, answers);
        insert.setString(8, a.status());
        insert.setString(9, a.paymentState());
        insert.setLong(10, SqlApplicationStore.millis(a.createdAt()));
        insert.setLong(11, SqlApplicationStore.millis(a.updatedAt()));
        insert.setString(12, centre);
    }
}
