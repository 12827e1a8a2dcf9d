-- Schema version 4, PostgreSQL twin of ../V4__appointments_notifications.sql: appointments, tokens given at
-- check-in, and the outbox of messages to citizens.

ALTER TABLE queue_token ADD COLUMN appointment TEXT;
DROP INDEX queue_token_waiting;
CREATE INDEX queue_token_waiting ON queue_token (day, state, appointment, id);

-- The CHECK is what makes overbooking impossible: a booking raises booked only while it is below capacity.
CREATE TABLE appointment_slot (
    service_id  TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    start       TEXT    NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity >= 0),
    booked      INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (service_id, day, start)
);

CREATE TABLE appointment (
    code        TEXT    NOT NULL PRIMARY KEY,
    service_id  TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    start       TEXT    NOT NULL,
    slot_end    TEXT    NOT NULL,
    cnic        TEXT    NOT NULL,
    reference   TEXT,
    state       TEXT    NOT NULL CHECK (state IN ('booked', 'checked-in', 'cancelled', 'late', 'no-show')),
    booked_at   BIGINT  NOT NULL,
    changed_at  BIGINT  NOT NULL,
    token_id    BIGINT  NOT NULL DEFAULT 0,
    FOREIGN KEY (service_id, day, start) REFERENCES appointment_slot (service_id, day, start)
);
CREATE INDEX appointment_day ON appointment (day, start, booked_at);
CREATE INDEX appointment_cnic ON appointment (cnic, service_id, state);

CREATE TABLE notification (
    id                  BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference           TEXT    NOT NULL,
    event               TEXT    NOT NULL,
    channel             TEXT    NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient           TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    provider            TEXT,
    provider_reference  TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_at          BIGINT  NOT NULL,
    sent_at             BIGINT,
    error               TEXT
);
CREATE INDEX notification_reference ON notification (reference, id);
CREATE INDEX notification_queued ON notification (state, id);
