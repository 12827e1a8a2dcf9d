-- Schema version 10: state that lived in one node's memory, shared by every node over one database.

-- Staff sessions. The id itself is only in the staff member's cookie: the row is keyed by its SHA-256 (hex), so a
-- copy of the database logs nobody in. last_seen is written at most once a minute per session.
CREATE TABLE staff_session (
    id_hash     TEXT    NOT NULL PRIMARY KEY,
    username    TEXT    NOT NULL,
    csrf        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    last_seen   BIGINT  NOT NULL
);
CREATE INDEX staff_session_username ON staff_session (username);
CREATE INDEX staff_session_last_seen ON staff_session (last_seen);

-- Throttle counters, one row per key: every node counts in the same row, so a balancer that does not stick cannot
-- multiply a limit. A row whose expires_at has passed starts again at 1.
CREATE TABLE throttle (
    name        TEXT    NOT NULL PRIMARY KEY,
    n           BIGINT  NOT NULL,
    last_at     BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL
);
CREATE INDEX throttle_expires ON throttle (expires_at);

-- Named leases: a periodic job or a short critical section is run by the node holding the row's lease.
CREATE TABLE lease (
    name        TEXT    NOT NULL PRIMARY KEY,
    holder      TEXT    NOT NULL,
    expires_at  BIGINT  NOT NULL
);

-- The outbox's claims (claimed with FOR UPDATE SKIP LOCKED on PostgreSQL).
ALTER TABLE notification ADD COLUMN claimed_by TEXT;
ALTER TABLE notification ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
DROP INDEX notification_queued;
CREATE INDEX notification_queued ON notification (state, lease_until, id);
