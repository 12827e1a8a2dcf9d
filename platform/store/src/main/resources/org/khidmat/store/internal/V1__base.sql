-- Schema version 1. Timestamps are epoch milliseconds (INTEGER), booleans 0/1.
-- Kept to SQL that PostgreSQL also reads where that is easy (INTEGER -> BIGINT for timestamps there).

CREATE TABLE service_state (
    service_id  TEXT    NOT NULL PRIMARY KEY,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    reason      TEXT,
    changed_by  TEXT    NOT NULL,
    changed_at  INTEGER NOT NULL
);

-- seq is assigned by the store as last seq + 1, in the same transaction that reads the last hash.
CREATE TABLE audit_log (
    seq        INTEGER NOT NULL PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT,
    detail     TEXT,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);

-- Append-only: refuse edits and deletions through SQL. The hash chain still catches anyone who drops these.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE application (
    reference           TEXT    NOT NULL PRIMARY KEY,
    service_id          TEXT    NOT NULL,
    descriptor_version  INTEGER NOT NULL,
    agency              TEXT    NOT NULL,
    cnic                TEXT    NOT NULL,
    tier                TEXT,
    answers             TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    payment_state       TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE INDEX application_agency_status ON application (agency, status);
CREATE INDEX application_service ON application (service_id);
CREATE INDEX application_created ON application (created_at);

CREATE TABLE status_history (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    reference   TEXT    NOT NULL REFERENCES application (reference),
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    note        TEXT
);

CREATE INDEX status_history_reference ON status_history (reference, id);

CREATE TABLE descriptor_archive (
    service_id  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    json        TEXT    NOT NULL,
    PRIMARY KEY (service_id, version)
);
