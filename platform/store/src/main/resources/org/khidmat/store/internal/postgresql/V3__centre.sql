-- Schema version 3, PostgreSQL twin of ../V3__centre.sql: payments, queue tokens and counters, ratings.

-- One payment per application: the primary key is what makes paying twice impossible.
CREATE TABLE payment (
    reference           TEXT    NOT NULL PRIMARY KEY REFERENCES application (reference),
    service_id          TEXT    NOT NULL,
    agency              TEXT    NOT NULL,
    tier                TEXT,
    amount              BIGINT  NOT NULL CHECK (amount > 0),
    provider            TEXT    NOT NULL,
    provider_reference  TEXT    NOT NULL,
    instructions        TEXT,
    state               TEXT    NOT NULL CHECK (state IN ('pending', 'paid')),
    started_at          BIGINT  NOT NULL,
    paid_at             BIGINT,
    receipt_number      TEXT    UNIQUE
);
CREATE INDEX payment_paid ON payment (paid_at);

CREATE TABLE queue_letter (
    category  TEXT NOT NULL PRIMARY KEY,
    letter    TEXT NOT NULL UNIQUE
);

-- day is the ISO date in the centre's time zone; (day, letter, seq) makes B-017 unique per day.
CREATE TABLE queue_token (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day          TEXT    NOT NULL,
    letter       TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    service_id   TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    reference    TEXT,
    state        TEXT    NOT NULL CHECK (state IN ('waiting', 'called', 'served', 'no-show')),
    counter      INTEGER NOT NULL DEFAULT 0,
    taken_at     BIGINT  NOT NULL,
    called_at    BIGINT,
    finished_at  BIGINT,
    UNIQUE (day, letter, seq)
);
CREATE INDEX queue_token_waiting ON queue_token (day, state, id);
CREATE INDEX queue_token_served ON queue_token (service_id, state, finished_at);

-- categories: comma-separated; empty means every category.
CREATE TABLE counter (
    number      INTEGER NOT NULL PRIMARY KEY CHECK (number > 0),
    categories  TEXT    NOT NULL DEFAULT '',
    open        INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1))
);
INSERT INTO counter (number, categories, open) VALUES (1, '', 1), (2, '', 1), (3, '', 1), (4, '', 1), (5, '', 1), (6, '', 1);

CREATE TABLE rating (
    reference   TEXT    NOT NULL PRIMARY KEY REFERENCES application (reference),
    service_id  TEXT    NOT NULL,
    agency      TEXT    NOT NULL,
    stars       INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment     TEXT,
    at          BIGINT  NOT NULL
);
CREATE INDEX rating_service ON rating (service_id);
