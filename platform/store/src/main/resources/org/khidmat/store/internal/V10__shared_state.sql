-- Schema version 10: state that lived in one node's memory, shared by every node over one database.

-- Staff sessions. The id itself is only in the staff member's cookie: the row is keyed by its SHA-256 (hex), so a
-- copy of the database logs nobody in. last_seen is written at most once a minute per session.
CREATE TABLE staff_session (
    id_hash     TEXT    NOT NULL PRIMARY KEY,
    username    TEXT    NOT NULL,
    csrf        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
);
CREATE INDEX staff_session_username ON staff_session (username);
CREATE INDEX staff_session_last_seen ON staff_session (last_seen);

-- Throttle counters, one row per key (a login name and address, an address's public POSTs in one minute...): every
-- node counts in the same row, so a balancer that does not stick cannot multiply a limit. A row whose expires_at has
-- passed starts again at 1.
CREATE TABLE throttle (
    name        TEXT    NOT NULL PRIMARY KEY,
    n           INTEGER NOT NULL,
    last_at     INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX throttle_expires ON throttle (expires_at);

-- Named leases: a periodic job (the no-show sweep) or a short critical section (a payment's start) is run by the
-- node holding the row's lease; a node that dies leaves it to expire.
CREATE TABLE lease (
    name        TEXT    NOT NULL PRIMARY KEY,
    holder      TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- The outbox's claims: a queued message is sent by the node that claimed it (or filed it) until lease_until; after
-- that any node may claim it. Messages queued before this version are free to claim at once.
ALTER TABLE notification ADD COLUMN claimed_by TEXT;
ALTER TABLE notification ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
DROP INDEX notification_queued;
CREATE INDEX notification_queued ON notification (state, lease_until, id);
