-- Schema version 12: a centre is first-class. Nodes of many centres share one database: the catalogue and the
-- applications stay national, while each centre has its own queue (tokens, numbers, counters). Rows that were here
-- belong to the centre 'default', the centre of a node that was never given an id.
CREATE TABLE centre (
    id       TEXT NOT NULL PRIMARY KEY,
    name_en  TEXT NOT NULL,
    name_ur  TEXT,
    zone     TEXT NOT NULL
);
INSERT INTO centre (id, name_en, name_ur, zone) VALUES ('default', 'Asan Khidmat Markaz', NULL, 'Asia/Karachi');

-- Tokens gain their centre; B-017 is unique per centre, day and letter.
CREATE TABLE queue_token_v12 (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    centre       TEXT    NOT NULL DEFAULT 'default',
    day          TEXT    NOT NULL,
    letter       TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    service_id   TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    reference    TEXT,
    state        TEXT    NOT NULL CHECK (state IN ('waiting', 'called', 'served', 'no-show')),
    counter      INTEGER NOT NULL DEFAULT 0,
    taken_at     INTEGER NOT NULL,
    called_at    INTEGER,
    finished_at  INTEGER,
    appointment  TEXT,
    UNIQUE (centre, day, letter, seq)
);
INSERT INTO queue_token_v12 (id, centre, day, letter, seq, service_id, category, reference, state, counter, taken_at,
    called_at, finished_at, appointment)
SELECT id, 'default', day, letter, seq, service_id, category, reference, state, counter, taken_at, called_at,
    finished_at, appointment FROM queue_token;
DROP TABLE queue_token;
ALTER TABLE queue_token_v12 RENAME TO queue_token;
CREATE INDEX queue_token_waiting ON queue_token (centre, day, state, appointment, id);
CREATE INDEX queue_token_served ON queue_token (service_id, state, finished_at);

-- The last number given per centre, day and letter: a token takes the next one with one upsert, so nodes that share
-- the database never give the same number and leave no gaps.
CREATE TABLE queue_number (
    centre  TEXT    NOT NULL,
    day     TEXT    NOT NULL,
    letter  TEXT    NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (centre, day, letter)
);
INSERT INTO queue_number (centre, day, letter, n)
SELECT 'default', day, letter, MAX(seq) FROM queue_token GROUP BY day, letter;

-- Counters are per centre.
CREATE TABLE counter_v12 (
    centre      TEXT    NOT NULL,
    number      INTEGER NOT NULL CHECK (number > 0),
    categories  TEXT    NOT NULL DEFAULT '',
    open        INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
    PRIMARY KEY (centre, number)
);
INSERT INTO counter_v12 (centre, number, categories, open) SELECT 'default', number, categories, open FROM counter;
DROP TABLE counter;
ALTER TABLE counter_v12 RENAME TO counter;

-- Signals between the nodes of a centre (the hall screen's "the queue changed"), read by each node's poller in id
-- order and pruned after a few minutes; origin is the node instance that published, which skips its own.
CREATE TABLE centre_event (
    id      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    centre  TEXT    NOT NULL,
    event   TEXT    NOT NULL,
    origin  TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX centre_event_at ON centre_event (at);

-- Appointments are per centre: each centre has its own slots and their capacity.
CREATE TABLE appointment_slot_v12 (
    centre      TEXT    NOT NULL DEFAULT 'default',
    service_id  TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    start       TEXT    NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity >= 0),
    booked      INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (centre, service_id, day, start)
);
INSERT INTO appointment_slot_v12 (centre, service_id, day, start, capacity, booked)
SELECT 'default', service_id, day, start, capacity, booked FROM appointment_slot;
CREATE TABLE appointment_v12 (
    code        TEXT    NOT NULL PRIMARY KEY,
    centre      TEXT    NOT NULL DEFAULT 'default',
    service_id  TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    start       TEXT    NOT NULL,
    slot_end    TEXT    NOT NULL,
    cnic        TEXT    NOT NULL,
    reference   TEXT,
    state       TEXT    NOT NULL CHECK (state IN ('booked', 'checked-in', 'cancelled', 'late', 'no-show')),
    booked_at   INTEGER NOT NULL,
    changed_at  INTEGER NOT NULL,
    token_id    INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (centre, service_id, day, start) REFERENCES appointment_slot_v12 (centre, service_id, day, start)
);
INSERT INTO appointment_v12 (code, centre, service_id, day, start, slot_end, cnic, reference, state, booked_at,
    changed_at, token_id)
SELECT code, 'default', service_id, day, start, slot_end, cnic, reference, state, booked_at, changed_at, token_id
FROM appointment;
DROP TABLE appointment;
DROP TABLE appointment_slot;
ALTER TABLE appointment_slot_v12 RENAME TO appointment_slot;
ALTER TABLE appointment_v12 RENAME TO appointment;
CREATE INDEX appointment_day ON appointment (centre, day, start, booked_at);
CREATE INDEX appointment_cnic ON appointment (cnic, service_id, state);

-- A service is enabled or disabled in all centres (centre '') or in one centre (its id), whose row then decides there.
CREATE TABLE service_state_v12 (
    service_id  TEXT    NOT NULL,
    centre      TEXT    NOT NULL DEFAULT '',
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    reason      TEXT,
    changed_by  TEXT    NOT NULL,
    changed_at  INTEGER NOT NULL,
    PRIMARY KEY (service_id, centre)
);
INSERT INTO service_state_v12 (service_id, centre, enabled, reason, changed_by, changed_at)
SELECT service_id, '', enabled, reason, changed_by, changed_at FROM service_state;
DROP TABLE service_state;
ALTER TABLE service_state_v12 RENAME TO service_state;

-- Applications are national but record the centre they were filed at, and the figures' sums are kept per centre
-- too, so a centre's figures and the country's (the sum over centres) cost the same for a year as for a day.
ALTER TABLE application ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
ALTER TABLE figure_move ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
DROP TRIGGER figure_day_filed;
DROP TRIGGER figure_day_rated;
DROP TRIGGER figure_time_first;
DROP TRIGGER figure_move_first;
CREATE TABLE figure_day_v12 (
    day INTEGER NOT NULL,
    centre TEXT NOT NULL DEFAULT 'default',
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    rated_service_id TEXT NOT NULL,
    applications INTEGER NOT NULL,
    stars INTEGER NOT NULL,
    PRIMARY KEY (day, centre, service_id, descriptor_version, tier, rated_service_id)
) WITHOUT ROWID;
INSERT INTO figure_day_v12 (day, centre, service_id, descriptor_version, tier, rated_service_id, applications, stars)
SELECT day, 'default', service_id, descriptor_version, tier, rated_service_id, applications, stars FROM figure_day;
DROP TABLE figure_day;
ALTER TABLE figure_day_v12 RENAME TO figure_day;
CREATE TABLE figure_time_v12 (
    day INTEGER NOT NULL,
    centre TEXT NOT NULL DEFAULT 'default',
    service_id TEXT NOT NULL,
    descriptor_version INTEGER NOT NULL,
    tier TEXT NOT NULL,
    to_state TEXT NOT NULL,
    up_to INTEGER NOT NULL,
    moves INTEGER NOT NULL,
    PRIMARY KEY (day, centre, service_id, descriptor_version, tier, to_state, up_to)
) WITHOUT ROWID;
INSERT INTO figure_time_v12 (day, centre, service_id, descriptor_version, tier, to_state, up_to, moves)
SELECT day, 'default', service_id, descriptor_version, tier, to_state, up_to, moves FROM figure_time;
DROP TABLE figure_time;
ALTER TABLE figure_time_v12 RENAME TO figure_time;
CREATE TRIGGER figure_day_filed AFTER INSERT ON application
BEGIN
    INSERT INTO figure_day (day, centre, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    VALUES ((NEW.created_at + 18000000) / 86400000, NEW.centre, NEW.service_id, NEW.descriptor_version,
        COALESCE(NEW.tier, ''), '', 1, 0)
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1;
END;
CREATE TRIGGER figure_day_rated AFTER INSERT ON rating
BEGIN
    INSERT INTO figure_day (day, centre, service_id, descriptor_version, tier, rated_service_id, applications, stars)
    SELECT (a.created_at + 18000000) / 86400000, a.centre, a.service_id, a.descriptor_version, COALESCE(a.tier, ''),
        NEW.service_id, 1, NEW.stars
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, rated_service_id)
    DO UPDATE SET applications = applications + 1, stars = stars + excluded.stars;
END;
CREATE TRIGGER figure_move_first AFTER INSERT ON status_history WHEN NEW.from_state IS NOT NULL
BEGIN
    INSERT INTO figure_move (reference, to_state, created_at, service_id, descriptor_version, tier, history_id,
        after_filing, centre)
    SELECT NEW.reference, NEW.to_state, a.created_at, a.service_id, a.descriptor_version, a.tier, NEW.id,
        NEW.at - a.created_at, a.centre
    FROM application a WHERE a.reference = NEW.reference
    ON CONFLICT (reference, to_state) DO NOTHING;
END;
CREATE TRIGGER figure_time_first AFTER INSERT ON figure_move
BEGIN
    INSERT INTO figure_time (day, centre, service_id, descriptor_version, tier, to_state, up_to, moves)
    SELECT (NEW.created_at + 18000000) / 86400000, NEW.centre, NEW.service_id, NEW.descriptor_version,
        COALESCE(NEW.tier, ''), NEW.to_state,
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
    ON CONFLICT (day, centre, service_id, descriptor_version, tier, to_state, up_to)
    DO UPDATE SET moves = moves + 1;
END;

-- A payment is collected at the centre whose node took it: each centre reconciles its own takings.
ALTER TABLE payment ADD COLUMN centre TEXT NOT NULL DEFAULT 'default';
CREATE INDEX payment_centre_paid ON payment (centre, paid_at);

-- The open figures' sums of V9 are kept per centre too, as figure_day is, so a centre's queue waits and appointments
-- read its own rows and the country's sum every centre's. Rebuilding queue_token and appointment above dropped V9's
-- triggers with them: they are made again here, carrying the token's or appointment's centre.
CREATE TABLE figure_queue_day_v12 (
    day TEXT NOT NULL,
    centre TEXT NOT NULL DEFAULT 'default',
    service_id TEXT NOT NULL,
    up_to INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    PRIMARY KEY (day, centre, service_id, up_to)
) WITHOUT ROWID;
INSERT INTO figure_queue_day_v12 (day, centre, service_id, up_to, tokens)
SELECT day, 'default', service_id, up_to, tokens FROM figure_queue_day;
DROP TABLE figure_queue_day;
ALTER TABLE figure_queue_day_v12 RENAME TO figure_queue_day;
CREATE TABLE figure_appointment_day_v12 (
    day TEXT NOT NULL,
    centre TEXT NOT NULL DEFAULT 'default',
    service_id TEXT NOT NULL,
    booked INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    PRIMARY KEY (day, centre, service_id)
) WITHOUT ROWID;
INSERT INTO figure_appointment_day_v12 (day, centre, service_id, booked, missed)
SELECT day, 'default', service_id, booked, missed FROM figure_appointment_day;
DROP TABLE figure_appointment_day;
ALTER TABLE figure_appointment_day_v12 RENAME TO figure_appointment_day;
DROP TRIGGER IF EXISTS figure_queue_taken;
DROP TRIGGER IF EXISTS figure_queue_changed;
DROP TRIGGER IF EXISTS figure_queue_gone;
DROP TRIGGER IF EXISTS figure_appointment_booked;
DROP TRIGGER IF EXISTS figure_appointment_changed;
DROP TRIGGER IF EXISTS figure_appointment_gone;
CREATE TRIGGER figure_queue_taken AFTER INSERT ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, centre, service_id, up_to, tokens)
    SELECT NEW.day, NEW.centre, NEW.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1
    FROM (SELECT NEW.called_at - NEW.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, centre, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_queue_changed AFTER UPDATE OF centre, day, service_id, taken_at, called_at ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, centre, service_id, up_to, tokens)
    SELECT OLD.day, OLD.centre, OLD.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        -1
    FROM (SELECT OLD.called_at - OLD.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, centre, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
    INSERT INTO figure_queue_day (day, centre, service_id, up_to, tokens)
    SELECT NEW.day, NEW.centre, NEW.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1
    FROM (SELECT NEW.called_at - NEW.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, centre, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_queue_gone AFTER DELETE ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, centre, service_id, up_to, tokens)
    SELECT OLD.day, OLD.centre, OLD.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        -1
    FROM (SELECT OLD.called_at - OLD.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, centre, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_appointment_booked AFTER INSERT ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, centre, service_id, booked, missed)
    VALUES (NEW.day, NEW.centre, NEW.service_id, (CASE WHEN NEW.state = 'cancelled' THEN 0 ELSE 1 END),
        (CASE WHEN NEW.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, centre, service_id) DO UPDATE SET booked = booked + excluded.booked,
        missed = missed + excluded.missed;
END;
CREATE TRIGGER figure_appointment_changed AFTER UPDATE OF centre, day, service_id, state ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, centre, service_id, booked, missed)
    VALUES (OLD.day, OLD.centre, OLD.service_id, -(CASE WHEN OLD.state = 'cancelled' THEN 0 ELSE 1 END),
        -(CASE WHEN OLD.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, centre, service_id) DO UPDATE SET booked = booked + excluded.booked,
        missed = missed + excluded.missed;
    INSERT INTO figure_appointment_day (day, centre, service_id, booked, missed)
    VALUES (NEW.day, NEW.centre, NEW.service_id, (CASE WHEN NEW.state = 'cancelled' THEN 0 ELSE 1 END),
        (CASE WHEN NEW.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, centre, service_id) DO UPDATE SET booked = booked + excluded.booked,
        missed = missed + excluded.missed;
END;
CREATE TRIGGER figure_appointment_gone AFTER DELETE ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, centre, service_id, booked, missed)
    VALUES (OLD.day, OLD.centre, OLD.service_id, -(CASE WHEN OLD.state = 'cancelled' THEN 0 ELSE 1 END),
        -(CASE WHEN OLD.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, centre, service_id) DO UPDATE SET booked = booked + excluded.booked,
        missed = missed + excluded.missed;
END;
