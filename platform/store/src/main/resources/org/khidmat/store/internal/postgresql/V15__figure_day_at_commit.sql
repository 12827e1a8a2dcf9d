-- Schema version 13 (PostgreSQL): a filing is counted in its day sum (figure_day) when its transaction commits, not
-- when its application row is inserted. The sum is one row per service, centre and day, so counted at the insert its
-- row lock was held through the rest of the filing (history, the audit chain's head, messages, the commit and the
-- disk's flush) and every filing of that service, on any node, waited for the one before it from its first statement
-- on. A deferred constraint trigger runs the same function of V12 at the commit, in the same transaction: the sum
-- stays exact, and the row is locked only while the commit completes.
DROP TRIGGER IF EXISTS figure_day_filed ON application;
CREATE CONSTRAINT TRIGGER figure_day_filed AFTER INSERT ON application DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION figure_day_filed_v12();
