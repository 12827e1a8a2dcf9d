-- PostgreSQL twin of ../V17__audit_action_index.sql: one kind of audit event through an index. Built on the action's
-- code points (COLLATE "C", as SqlAuditLog.actions compares), so a prefix's range is the same whatever the database's
-- collation.
CREATE INDEX audit_log_action ON audit_log ((action COLLATE "C"), seq);
