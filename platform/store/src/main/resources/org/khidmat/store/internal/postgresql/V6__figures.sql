-- Schema version 6, PostgreSQL twin of ../V6__figures.sql: per hour of filing, service, version and tier, the
-- applications filed and the ratings; each application's first move into each state. Trigger functions keep both in
-- the transaction of the change; the INSERTs fill them from what is stored.
CREATE TABLE figure_hour (
    hour BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    rated_service_id TEXT NOT NULL,
    applications BIGINT NOT NULL,
    stars BIGINT NOT NULL,
    PRIMARY KEY (hour, service_id, descriptor_version, tier, rated_service_id)
);
CREATE TABLE figure_move (
    reference TEXT NOT NULL,
    to_state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT,
    history_id BIGINT NOT NULL,
    after_filing BIGINT NOT NULL,
    PRIMARY KEY (created_at, reference, to_state),
    UNIQUE (reference, to_state)
);
CREATE INDEX application_agency_status_created ON application (agency, status, created_at, reference);
CREATE FUNCTION figure_hour_filed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES (NEW.created_at / 3600000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''), '', 1, 0)
    ON CONFLICT (hour, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_hour.applications + 1;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_hour_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (hour, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_hour.applications + 1, stars = figure_hour.stars + excluded.stars;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_move_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
        after_filing)
    SELECT NEW.reference, NEW.to_state, a.created_at, a.service_id, a.descriptor_version, a.tier, NEW.id,
        NEW.at - a.created_at
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (reference, to_state) DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER figure_hour_filed AFTER INSERT ON application FOR EACH ROW EXECUTE FUNCTION figure_hour_filed();
CREATE TRIGGER figure_hour_rated AFTER INSERT ON rating FOR EACH ROW EXECUTE FUNCTION figure_hour_rated();
CREATE TRIGGER figure_move_first AFTER INSERT ON status_history FOR EACH ROW WHEN (NEW.from_state IS NOT NULL) EXECUTE FUNCTION figure_move_first();
INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT created_at / 3600000, service_id, descriptor_version, COALESCE(tier, ''), '', COUNT(*), 0
FROM application GROUP BY created_at / 3600000, service_id, descriptor_version, COALESCE(tier, '');
INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), r.service_id, COUNT(*),
    SUM(r.stars)
FROM application a JOIN rating r ON r.reference = a.reference
GROUP BY a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), r.service_id;
-- the first move into each state: the history row with the lowest id (SQLite takes it from MIN(h.id)'s row)
INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
    after_filing)
SELECT DISTINCT ON (a.reference, h.to_state) a.reference, h.to_state, a.created_at, a.service_id,
    a.descriptor_version, a.tier, h.id, h.at - a.created_at
FROM application a JOIN status_history h ON h.reference = a.reference
WHERE h.from_state IS NOT NULL
ORDER BY a.reference, h.to_state, h.id;
