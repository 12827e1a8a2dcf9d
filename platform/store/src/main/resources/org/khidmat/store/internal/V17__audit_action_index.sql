-- One kind of audit event (the deploy history reads the "bundle." actions) through an index, newest first within it:
-- at a million applications the log holds some six million entries and a deploy's are among the oldest, so reading
-- the log newest first for them read it all. Building the index on such a log takes a few seconds at the first start.
CREATE INDEX audit_log_action ON audit_log (action, seq);
