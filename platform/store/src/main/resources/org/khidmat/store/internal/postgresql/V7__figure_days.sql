-- Schema version 7, PostgreSQL twin of ../V7__figure_days.sql: figures from sums per day of filing (days of
-- Asia/Karachi, UTC+5: (created_at + 5 h) / 24 h), and first moves counted per span of time after filing (TimeSpans).
CREATE TABLE figure_day (
    day BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    rated_service_id TEXT NOT NULL,
    applications BIGINT NOT NULL,
    stars BIGINT NOT NULL,
    PRIMARY KEY (day, service_id, descriptor_version, tier, rated_service_id)
);
CREATE TABLE figure_time (
    day BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    to_state TEXT NOT NULL,
    up_to BIGINT NOT NULL,
    moves BIGINT NOT NULL,
    PRIMARY KEY (day, service_id, descriptor_version, tier, to_state, up_to)
);
DROP TRIGGER figure_hour_filed ON application;
DROP TRIGGER figure_hour_rated ON rating;
DROP FUNCTION figure_hour_filed();
DROP FUNCTION figure_hour_rated();
DROP TABLE figure_hour;
-- the span of time after filing a move counts in: TimeSpans.upTo, in SQL (the same CASE as the SQLite script)
CREATE FUNCTION figure_span(after_filing BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN after_filing <= 0 THEN 0
    WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
    WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
    WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
    WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
    WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
    ELSE (after_filing + 86399999) / 86400000 * 86400000 END
$$;
CREATE FUNCTION figure_day_filed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''), '',
        1, 0)
    ON CONFLICT (day, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_day.applications + 1;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_day_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_day (day, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT (a.created_at + 18000000) / 86400000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''),
        NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (day, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_day.applications + 1, stars = figure_day.stars + excluded.stars;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_time_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_time (day, service_id, descriptor_version, tier, to_state, up_to, moves)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''),
        NEW.to_state, figure_span(NEW.after_filing), 1)
    ON CONFLICT (day, service_id, descriptor_version, tier, to_state, up_to)
    DO UPDATE SET moves = figure_time.moves + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER figure_day_filed AFTER INSERT ON application FOR EACH ROW EXECUTE FUNCTION figure_day_filed();
CREATE TRIGGER figure_day_rated AFTER INSERT ON rating FOR EACH ROW EXECUTE FUNCTION figure_day_rated();
CREATE TRIGGER figure_time_first AFTER INSERT ON figure_move FOR EACH ROW EXECUTE FUNCTION figure_time_first();
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
    figure_span(after_filing), COUNT(*)
FROM figure_move GROUP BY 1, 2, 3, 4, 5, 6;
-- The inbox: each filter has an index that gives its rows newest first; indexes that are a prefix of these go.
DROP INDEX application_agency_status;
DROP INDEX application_service;
CREATE INDEX application_agency_created ON application (agency, created_at, reference);
CREATE INDEX application_service_created ON application (service_id, created_at, reference);
CREATE INDEX application_service_status_created ON application (service_id, status, created_at, reference);
