-- Figures that cost the same for a year as for a day: per hour of filing, service, descriptor version and tier,
-- the applications filed (rated_service_id '') and, per service their ratings name, the ratings and their stars;
-- and each application's first move into each state. Triggers keep both in the transaction of the change; the
-- INSERTs below fill them from the applications already stored. A missing tier is kept as ''. figure_move is
-- clustered by filing time (WITHOUT ROWID), so a period's moves are one sequential range.
CREATE TABLE figure_hour (
    hour INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    rated_service_id TEXT NOT NULL,
    applications INTEGER NOT NULL,
    stars INTEGER NOT NULL,
    PRIMARY KEY (hour, service_id, descriptor_version, tier, rated_service_id)
);
CREATE TABLE figure_move (
    reference TEXT NOT NULL,
    to_state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT,
    history_id INTEGER NOT NULL,
    after_filing INTEGER NOT NULL,
    PRIMARY KEY (created_at, reference, to_state),
    UNIQUE (reference, to_state)
) WITHOUT ROWID;
CREATE INDEX application_agency_status_created ON application (agency, status, created_at, reference);
CREATE TRIGGER figure_hour_filed AFTER INSERT ON application
BEGIN
    INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES (NEW.created_at / 3600000, NEW.service_id, NEW.descriptor_version, COALESCE(NEW.tier, ''), '', 1, 0)
    ON CONFLICT (hour, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1;
END;
CREATE TRIGGER figure_hour_rated AFTER INSERT ON rating
BEGIN
    INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (hour, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1, stars = stars + excluded.stars;
END;
CREATE TRIGGER figure_move_first AFTER INSERT ON status_history WHEN NEW.from_state IS NOT NULL
BEGIN
    INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
        after_filing)
    SELECT NEW.reference, NEW.to_state, a.created_at, a.service_id, a.descriptor_version, a.tier, NEW.id,
        NEW.at - a.created_at
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (reference, to_state) DO NOTHING;
END;
INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT created_at / 3600000, service_id, descriptor_version, COALESCE(tier, ''), '', COUNT(*), 0
FROM application GROUP BY created_at / 3600000, service_id, descriptor_version, COALESCE(tier, '');
INSERT INTO figure_hour (hour, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), r.service_id, COUNT(*),
    SUM(r.stars)
FROM application a JOIN rating r ON r.reference = a.reference
GROUP BY a.created_at / 3600000, a.service_id, a.descriptor_version, COALESCE(a.tier, ''), r.service_id;
INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
    after_filing)
SELECT a.reference, h.to_state, a.created_at, a.service_id, a.descriptor_version, a.tier, MIN(h.id),
    h.at - a.created_at
FROM application a JOIN status_history h ON h.reference = a.reference
WHERE h.from_state IS NOT NULL
GROUP BY a.reference, h.to_state;
