-- Schema version 5: the audit chain is keyed (HMAC-SHA256 with a key kept outside the database).
-- Entries written before this script stay plain SHA-256; the anchor records the last of them, and the first
-- keyed entry chains onto its hash. The store signs the anchor with the key it creates at the same start
-- (mac is NULL until then); the check refuses an anchor that is missing, unsigned later, or signed otherwise.

CREATE TABLE audit_anchor (
    id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_plain_seq   INTEGER NOT NULL,
    last_plain_hash  TEXT    NOT NULL,
    mac              TEXT
);

INSERT INTO audit_anchor (id, last_plain_seq, last_plain_hash)
SELECT 1, COALESCE(MAX(seq), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
FROM audit_log;

CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN
    SELECT RAISE(ABORT, 'the audit anchor cannot be deleted');
END;

CREATE TRIGGER audit_anchor_sign_once BEFORE UPDATE ON audit_anchor
WHEN OLD.mac IS NOT NULL OR NEW.last_plain_seq <> OLD.last_plain_seq OR NEW.last_plain_hash <> OLD.last_plain_hash
BEGIN
    SELECT RAISE(ABORT, 'the audit anchor is written once');
END;

-- the check looks up each application's submit entry
CREATE INDEX audit_log_subject ON audit_log (subject, action);
