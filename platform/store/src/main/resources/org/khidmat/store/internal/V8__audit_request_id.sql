-- The id of the HTTP request an audit entry was written for (the X-Request-Id the centre answered with), or NULL
-- for entries written outside a request and for every entry written before this version. The keyed hash of an entry
-- with an id covers it (AuditHash.keyed); an entry without one hashes as before, so older entries still verify.
ALTER TABLE audit_log ADD COLUMN request_id TEXT;
CREATE INDEX audit_log_request ON audit_log (request_id) WHERE request_id IS NOT NULL;
