-- Schema version 13: citizens' unfinished forms (drafts), shared by every node over one database.

-- A draft is named by the random id in the citizen's cookie: the row holds only its SHA-256 (hex), and the body (the
-- answers, which may hold a CNIC) is AES-GCM under a key derived from the id, so a copy of the database alone neither
-- finds nor reads a draft. address_hash (SHA-256 of the client address) and chars carry the limits: drafts per
-- address and characters in all. touched is written at most once a minute by a page that only reads; claimed_until
-- keeps two requests (a double click sent to two nodes) from filing one draft twice.
CREATE TABLE draft (
    key_hash       TEXT    NOT NULL PRIMARY KEY,
    address_hash   TEXT    NOT NULL,
    chars          BIGINT  NOT NULL,
    body           BYTEA   NOT NULL,
    touched        BIGINT  NOT NULL,
    claimed_until  BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX draft_address ON draft (address_hash, touched);
CREATE INDEX draft_touched ON draft (touched);
