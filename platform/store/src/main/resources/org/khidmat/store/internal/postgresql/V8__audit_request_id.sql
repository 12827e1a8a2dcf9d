-- PostgreSQL twin of ../V8__audit_request_id.sql: the id of the HTTP request an audit entry was written for.
ALTER TABLE audit_log ADD COLUMN request_id TEXT;
CREATE INDEX audit_log_request ON audit_log (request_id) WHERE request_id IS NOT NULL;
