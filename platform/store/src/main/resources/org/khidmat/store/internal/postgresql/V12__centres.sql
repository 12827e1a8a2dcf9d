-- Schema version 12 (PostgreSQL twin of the SQLite script): a centre is first-class. See the SQLite script.
CREATE TABLE centre (
    id       TEXT NOT NULL PRIMARY KEY,
    name_en  TEXT NOT NULL,
    name_ur  TEXT,
    zone     TEXT NOT NULL
);
INSERT INTO centre (id, name_en, name_ur, zone) VALUES ('default', 'Asan Khidmat Markaz', NULL, 'Asia/Karachi');

ALTER TABLE queue_token ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE queue_token DROP CONSTRAINT IF EXISTS queue_token_day_letter_seq_key;
ALTER TABLE queue_token ADD CONSTRAINT queue_token_centre_day_letter_seq_key UNIQUE (centre, day, letter, seq);
DROP INDEX IF EXISTS queue_token_waiting;
CREATE INDEX queue_token_waiting ON queue_token (centre, day, state, appointment, id);

CREATE TABLE queue_number (
    centre  TEXT   NOT NULL,
    day     TEXT   NOT NULL,
    letter  TEXT   NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (centre, day, letter)
);
INSERT INTO queue_number (centre, day, letter, n)
SELECT 'default', day, letter, MAX(seq) FROM queue_token GROUP BY day, letter;

ALTER TABLE counter ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE counter DROP CONSTRAINT IF EXISTS counter_pkey;
ALTER TABLE counter ADD PRIMARY KEY (centre, number);
ALTER TABLE counter ALTER COLUMN centre DROP DEFAULT;

CREATE TABLE centre_event (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre  TEXT   NOT NULL,
    event   TEXT   NOT NULL,
    origin  TEXT   NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX centre_event_at ON centre_event (at);

ALTER TABLE appointment DROP CONSTRAINT IF EXISTS appointment_service_id_day_start_fkey;
ALTER TABLE appointment_slot ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE appointment_slot DROP CONSTRAINT IF EXISTS appointment_slot_pkey;
ALTER TABLE appointment_slot ADD PRIMARY KEY (centre, service_id, day, start);
ALTER TABLE appointment ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE appointment ADD CONSTRAINT appointment_slot_fkey FOREIGN KEY (centre, service_id, day, start)
    REFERENCES appointment_slot (centre, service_id, day, start);
DROP INDEX IF EXISTS appointment_day;
CREATE INDEX appointment_day ON appointment (centre, day, start, booked_at);

ALTER TABLE service_state ADD COLUMN centre TEXT NOT NULL DEFAULT '';
ALTER TABLE service_state DROP CONSTRAINT IF EXISTS service_state_pkey;
ALTER TABLE service_state ADD PRIMARY KEY (service_id, centre);

-- Applications record the centre they were filed at; the figures' sums are kept per centre. The trigger functions
-- of V6/V7 are replaced by ones that carry the centre (same trigger names as the SQLite script).
ALTER TABLE application ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_move ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_day ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_day DROP CONSTRAINT IF EXISTS figure_day_pkey;
ALTER TABLE figure_day ADD PRIMARY KEY (day, centre, service_id, descriptor_version, tier, rated_service_id);
ALTER TABLE figure_time ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_time DROP CONSTRAINT IF EXISTS figure_time_pkey;
ALTER TABLE figure_time ADD PRIMARY KEY (day, centre, service_id, descriptor_version, tier, to_state, up_to);
DROP TRIGGER IF EXISTS figure_day_filed ON application;
DROP TRIGGER IF EXISTS figure_day_rated ON rating;
DROP TRIGGER IF EXISTS figure_move_first ON status_history;
DROP TRIGGER IF EXISTS figure_time_first ON figure_move;
CREATE OR REPLACE FUNCTION figure_day_filed_v12() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_day (day, centre, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.centre, NEW.service_id, NEW.descriptor_version,
        COALESCE(NEW.tier, ''), '', 1, 0)
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_day.applications + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER figure_day_filed AFTER INSERT ON application FOR EACH ROW EXECUTE FUNCTION figure_day_filed_v12();
CREATE OR REPLACE FUNCTION figure_day_rated_v12() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_day (day, centre, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT (a.created_at + 18000000) / 86400000, a.centre, a.service_id, a.descriptor_version, COALESCE(a.tier, ''),
        NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = figure_day.applications + 1, stars = figure_day.stars + excluded.stars;
    RETURN NULL;
END $$;
CREATE TRIGGER figure_day_rated AFTER INSERT ON rating FOR EACH ROW EXECUTE FUNCTION figure_day_rated_v12();
CREATE OR REPLACE FUNCTION figure_move_first_v12() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
        after_filing, centre)
    SELECT NEW.reference, NEW.to_state, a.created_at, a.service_id, a.descriptor_version, a.tier, NEW.id,
        NEW.at - a.created_at, a.centre
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (reference, to_state) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER figure_move_first AFTER INSERT ON status_history FOR EACH ROW WHEN (NEW.from_state IS NOT NULL)
    EXECUTE FUNCTION figure_move_first_v12();
CREATE OR REPLACE FUNCTION figure_time_first_v12() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    after_filing BIGINT := NEW.after_filing;
BEGIN
    INSERT INTO figure_time (day, centre, service_id, descriptor_version, tier, to_state, up_to, moves)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.centre, NEW.service_id, NEW.descriptor_version,
        COALESCE(NEW.tier, ''), NEW.to_state,
        CASE WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1)
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, to_state, up_to)
    DO UPDATE SET moves = figure_time.moves + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER figure_time_first AFTER INSERT ON figure_move FOR EACH ROW EXECUTE FUNCTION figure_time_first_v12();

ALTER TABLE payment ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
CREATE INDEX payment_centre_paid ON payment (centre, paid_at);

-- The open figures' sums of V9 are kept per centre too, as figure_day is, so a centre's queue waits and appointments
-- read its own rows and the country's sum every centre's; V9's trigger functions are replaced by ones that carry the
-- token's or appointment's centre (the triggers stay, calling them by name).
ALTER TABLE figure_queue_day ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_queue_day DROP CONSTRAINT IF EXISTS figure_queue_day_pkey;
ALTER TABLE figure_queue_day ADD PRIMARY KEY (day, centre, service_id, up_to);
ALTER TABLE figure_appointment_day ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_appointment_day DROP CONSTRAINT IF EXISTS figure_appointment_day_pkey;
ALTER TABLE figure_appointment_day ADD PRIMARY KEY (day, centre, service_id);
CREATE FUNCTION figure_queue_count_v12(c TEXT, d TEXT, s TEXT, span BIGINT, n BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO figure_queue_day (day, centre, service_id, up_to, tokens) VALUES (d, c, s, span, n)
    ON CONFLICT (day, centre, service_id, up_to) DO UPDATE SET tokens = figure_queue_day.tokens + excluded.tokens
$$;
CREATE OR REPLACE FUNCTION figure_queue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM figure_queue_count_v12(OLD.centre, OLD.day, OLD.service_id,
            figure_wait_span(OLD.taken_at, OLD.called_at), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM figure_queue_count_v12(NEW.centre, NEW.day, NEW.service_id,
            figure_wait_span(NEW.taken_at, NEW.called_at), 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_appointment_count_v12(c TEXT, d TEXT, s TEXT, st TEXT, delta BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO figure_appointment_day (day, centre, service_id, booked, missed)
    VALUES (d, c, s, delta * (CASE WHEN st = 'cancelled' THEN 0 ELSE 1 END),
        delta * (CASE WHEN st IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, centre, service_id) DO UPDATE SET booked = figure_appointment_day.booked + excluded.booked,
        missed = figure_appointment_day.missed + excluded.missed
$$;
CREATE OR REPLACE FUNCTION figure_appointment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM figure_appointment_count_v12(OLD.centre, OLD.day, OLD.service_id, OLD.state, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM figure_appointment_count_v12(NEW.centre, NEW.day, NEW.service_id, NEW.state, 1);
    END IF;
    RETURN NULL;
END;
$$;
DROP TRIGGER IF EXISTS figure_queue_changed ON queue_token;
CREATE TRIGGER figure_queue_changed AFTER UPDATE OF centre, day, service_id, taken_at, called_at ON queue_token
    FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
DROP TRIGGER IF EXISTS figure_appointment_changed ON appointment;
CREATE TRIGGER figure_appointment_changed AFTER UPDATE OF centre, day, service_id, state ON appointment
    FOR EACH ROW EXECUTE FUNCTION figure_appointment_changed();
