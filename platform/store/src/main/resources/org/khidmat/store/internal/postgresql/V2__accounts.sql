-- PostgreSQL twin of ../V2__accounts.sql. Staff accounts and their API tokens; passwords and tokens only as hashes.
CREATE TABLE account (
    username      TEXT    PRIMARY KEY,
    role          TEXT    NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'AGENCY')),
    agency        TEXT,
    enabled       INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE api_token (
    id         TEXT    PRIMARY KEY,
    username   TEXT    NOT NULL REFERENCES account (username),
    label      TEXT    NOT NULL,
    hash       TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_token_username ON api_token (username);
