-- Schema version 1, PostgreSQL twin of ../V1__base.sql. Timestamps are epoch milliseconds (BIGINT), booleans 0/1
-- (INTEGER with a CHECK, as in SQLite, so the stores' SQL is the same for both).

CREATE TABLE service_state (
    service_id  TEXT    NOT NULL PRIMARY KEY,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    reason      TEXT,
    changed_by  TEXT    NOT NULL,
    changed_at  BIGINT  NOT NULL
);

-- seq is assigned by the store as last seq + 1, in the same transaction that reads the last hash, under the
-- audit head's advisory lock.
CREATE TABLE audit_log (
    seq        BIGINT  NOT NULL PRIMARY KEY,
    at         BIGINT  NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT,
    detail     TEXT,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);

-- Append-only: refuse edits, deletions and TRUNCATE through SQL. The hash chain still catches anyone who drops these.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

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
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);

CREATE INDEX application_agency_status ON application (agency, status);
CREATE INDEX application_service ON application (service_id);
CREATE INDEX application_created ON application (created_at);

CREATE TABLE status_history (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference   TEXT    NOT NULL REFERENCES application (reference),
    at          BIGINT  NOT NULL,
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
