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
