-- Schema version 16 (PostgreSQL): a token is counted in its queue day sums (figure_queue_day) when the take or call
-- that changed it commits, not at its insert or update. The sums are rows per centre, day, service and wait span, so
-- counted at the statement their row locks were held to the commit, and a call at a counter waited for the open call
-- of another counter of the same centre and service (both move a token out of the "not called yet" row), whatever
-- the call itself locks. Deferred constraint triggers run the same function of V12 at the commit, in the same
-- transaction, with each event's old and new row: the sums stay exact, and their rows are locked only while the
-- commit completes.
DROP TRIGGER IF EXISTS figure_queue_taken ON queue_token;
CREATE CONSTRAINT TRIGGER figure_queue_taken AFTER INSERT ON queue_token DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
DROP TRIGGER IF EXISTS figure_queue_changed ON queue_token;
CREATE CONSTRAINT TRIGGER figure_queue_changed AFTER UPDATE OF centre, day, service_id, taken_at, called_at
    ON queue_token DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
