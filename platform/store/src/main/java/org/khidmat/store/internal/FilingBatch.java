package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.AuditNote;

/**
 * A PostgreSQL group's filings run together: one JDBC batch per table (pgjdbc sends a batch in one round trip, each
 * row its own execution, so each application's {@code ON CONFLICT DO NOTHING} still says whether it was inserted),
 * in the order a filing alone writes: the applications, the first lines of history and the messages of those inserted,
 * then, last, the audit head's lock with its read in one round trip and every entry in one batch
 * ({@link AuditChain#appendAll}). So the head's lock is held for two round trips and the commit, whatever the size of
 * the group. A filing whose reference is taken, before or earlier in the same group, writes nothing more, as alone.
 * A statement the database refuses throws: the group writer then rolls back and runs the filings one at a time.
 */
final class FilingBatch implements GroupedWork.Together {
    private final AuditChain chain;

    FilingBatch(AuditChain chain) {
        this.chain = chain;
    }

    AuditChain chain() {
        return chain;
    }

    @Override
    public List<Object> run(Connection c, List<GroupedWork<?>> works) throws SQLException {
        List<FilingWrite> filings = new ArrayList<>(works.size());
        works.forEach(w -> filings.add((FilingWrite) w));
        boolean[] inserted = insertApplications(c, filings);
        List<FilingWrite> filed = new ArrayList<>();
        for (int i = 0; i < filings.size(); i++) {
            if (inserted[i]) {
                filed.add(filings.get(i));
            }
        }
        List<List<Notification>> stored = filed.isEmpty() ? List.of() : writeHistoryAndMessages(c, filed);
        List<AuditNote> notes = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (FilingWrite f : filed) {
            if (f.note() != null) {
                notes.add(f.note());
                requests.add(f.requestId());
            }
        }
        if (!notes.isEmpty()) {
            chain.appendAll(c, notes, requests); // last: the head's lock is held from here to the commit
        }
        List<Object> results = new ArrayList<>(filings.size());
        int next = 0;
        for (int i = 0; i < filings.size(); i++) {
            results.add(inserted[i] ? Optional.of(stored.get(next++)) : Optional.empty());
        }
        return results;
    }

    /** @return for each filing, whether its application was inserted (its reference was free) */
    private static boolean[] insertApplications(Connection c, List<FilingWrite> filings) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(FilingWrite.INSERT)) {
            for (FilingWrite f : filings) {
                f.bind(insert);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            if (counts.length != filings.size()) {
                throw new SQLException("the batch of " + filings.size() + " applications answered " + counts.length
                        + " counts");
            }
            boolean[] inserted = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0 && counts[i] != 1) {
                    throw new SQLException("an application's insert answered " + counts[i] + " rows, not 0 or 1");
                }
                inserted[i] = counts[i] == 1;
            }
            return inserted;
        }
    }

    /** @return each filing's messages as stored, with their ids */
    private static List<List<Notification>> writeHistoryAndMessages(Connection c, List<FilingWrite> filed)
            throws SQLException {
        try (PreparedStatement history = c.prepareStatement(SqlApplicationStore.ADD_HISTORY)) {
            for (FilingWrite f : filed) {
                SqlApplicationStore.bindHistory(history, f.first());
                history.addBatch();
            }
            history.executeBatch();
        }
        List<List<Notification>> stored = new ArrayList<>(filed.size());
        List<Notification> messages = new ArrayList<>();
        filed.forEach(f -> messages.addAll(f.messages()));
        if (messages.isEmpty()) {
            filed.forEach(f -> stored.add(List.of()));
            return stored;
        }
        List<Long> ids = new ArrayList<>(messages.size());
        try (PreparedStatement queue = c.prepareStatement(SqlNotificationStore.QUEUE, new String[] {"id"})) {
            for (Notification m : messages) {
                SqlNotificationStore.bindQueued(queue, m);
                queue.addBatch();
            }
            queue.executeBatch();
            try (ResultSet keys = queue.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != messages.size()) {
            throw new SQLException(messages.size() + " messages were queued but " + ids.size() + " ids came back");
        }
        int next = 0;
        for (FilingWrite f : filed) {
            List<Notification> own = new ArrayList<>(f.messages().size());
            for (Notification m : f.messages()) {
                own.add(SqlNotificationStore.queued(ids.get(next++), m));
            }
            stored.add(own);
        }
        return stored;
    }
}
