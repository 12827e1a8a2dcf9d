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
