-- Schema version 5, PostgreSQL twin of ../V5__audit_key.sql: the audit chain is keyed. The anchor records the last
-- plain entry; the store signs it with the key it creates at the same start; it cannot be deleted or signed twice.

CREATE TABLE audit_anchor (
    id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_plain_seq   BIGINT  NOT NULL,
    last_plain_hash  TEXT    NOT NULL,
    mac              TEXT
);

INSERT INTO audit_anchor (id, last_plain_seq, last_plain_hash)
SELECT 1, COALESCE(MAX(seq), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
FROM audit_log;

CREATE FUNCTION audit_anchor_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit anchor cannot be deleted';
END;
$$;

CREATE FUNCTION audit_anchor_sign_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit anchor is written once';
END;
$$;

CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor FOR EACH ROW EXECUTE FUNCTION audit_anchor_no_delete();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_no_delete();
CREATE TRIGGER audit_anchor_sign_once BEFORE UPDATE ON audit_anchor FOR EACH ROW WHEN (OLD.mac IS NOT NULL OR NEW.last_plain_seq <> OLD.last_plain_seq OR NEW.last_plain_hash <> OLD.last_plain_hash) EXECUTE FUNCTION audit_anchor_sign_once();

-- the check looks up each application's submit entry
CREATE INDEX audit_log_subject ON audit_log (subject, action);
