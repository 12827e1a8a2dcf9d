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
