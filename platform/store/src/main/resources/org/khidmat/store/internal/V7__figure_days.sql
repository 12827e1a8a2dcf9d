-- Figures from sums only, so a year costs about 365 rows per service: per day of filing (days of Asia/Karachi,
-- UTC+5 without daylight saving: (created_at + 5 h) / 24 h), service, descriptor version and tier ('' for none),
-- figure_day holds the applications filed (rated_service_id '') and, per service their ratings name, the ratings
-- and their stars; figure_time counts first moves into each state per span of time after filing (up_to, the span's
-- end in milliseconds: TimeSpans), from which the figures take medians, percentiles and "within the promise".
-- figure_hour gives way to figure_day; figure_move stays (it decides which move is the first, and a period whose
-- edges are not whole days takes its edges from it). Triggers keep the sums in the transaction of the change; the
-- INSERTs below fill them from what is stored.
CREATE TABLE figure_day (
    day INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    rated_service_id TEXT NOT NULL,
    applications INTEGER NOT NULL,
    stars INTEGER NOT NULL,
    PRIMARY KEY (day, service_id, descriptor_version, tier, rated_service_id)
) WITHOUT ROWID;
CREATE TABLE figure_time (
    day INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    to_state TEXT NOT NULL,
    up_to INTEGER NOT NULL,
    moves INTEGER NOT NULL,
    PRIMARY KEY (day, service_id, descriptor_version, tier, to_state, up_to)
) WITHOUT ROWID;
DROP TRIGGER figure_hour_filed;
DROP TRIGGER figure_hour_rated;
DROP TABLE figure_hour;
CREATE TRIGGER figure_day_filed AFTER INSERT ON application
BEGIN
    INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''), '',
        1, 0)
    ON CONFLICT (day, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1;
END;
CREATE TRIGGER figure_day_rated AFTER INSERT ON rating
BEGIN
    INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT (a.created_at + 18000000) / 86400000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''),
        NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (day, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1, stars = stars + excluded.stars;
END;
CREATE TRIGGER figure_time_first AFTER INSERT ON figure_move
BEGIN
    INSERT INTO figure_time (day, service_id, descriptor_version, tier, to_state, up_to, moves)
    SELECT (NEW.created_at + 18000000) / 86400000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''),
        NEW.to_state,
        CASE WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1
    FROM (SELECT NEW.after_filing AS after_filing)
    WHERE 1
    ON CONFLICT (day, service_id, descriptor_version, tier, to_state, up_to)
    DO UPDATE SET moves = moves + 1;
END;
INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT (created_at + 18000000) / 86400000, service_id, descriptor_version, COALESCE(tier, ''), '', COUNT(*), 0
FROM application GROUP BY 1, 2, 3, 4;
INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT (a.created_at + 18000000) / 86400000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), r.service_id,
    COUNT(*), SUM(r.stars)
FROM application a JOIN rating r ON r.reference = a.reference
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO figure_time (day, service_id, descriptor_version, tier, to_state, up_to, moves)
SELECT (created_at + 18000000) / 86400000, service_id, descriptor_version, COALESCE(tier, ''), to_state,
    CASE WHEN after_filing <= 0 THEN 0
    WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
    WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
    WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
    WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
    WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
    ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
    COUNT(*)
FROM figure_move GROUP BY 1, 2, 3, 4, 5, 6;
-- The inbox: each filter it offers (agency, agency and state, service, service and state) has an index that gives its
-- rows newest first, so a page reads its limit of rows and sorts nothing. Indexes that are a prefix of these go.
DROP INDEX application_agency_status;
DROP INDEX application_service;
CREATE INDEX application_agency_created ON application (agency, created_at, reference);
CREATE INDEX application_service_created ON application (service_id, created_at, reference);
CREATE INDEX application_service_status_created ON application (service_id, status, created_at, reference);
