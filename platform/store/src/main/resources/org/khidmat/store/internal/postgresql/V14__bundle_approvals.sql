-- Schema version 14 (PostgreSQL twin): the deployer's state that lived in one node's files (data/deployer/), shared by every node.
-- A jar waiting for approval is not a row of bundle_set: the set holds one row per symbolic name that every node runs
-- and reconciles to, while a waiting jar is named by its hash, often a newer version of a bundle the set holds (1.1.0
-- waits while 1.0.0 serves), must run nowhere, and its approval outlives the set's row (an approved hash deploys
-- again without asking after a withdrawal). bundle_set.approval still says how the running row was approved.

-- A jar with code waiting for a centre admin (jar and uploaded_* set, approved_by NULL), or a hash an admin approved
-- (approved_by set; jar NULL once approved). Approvals carried over from approved.properties know only the hash.
CREATE TABLE bundle_approval (
    sha256        TEXT    NOT NULL PRIMARY KEY,
    symbolic_name TEXT,
    version       TEXT,
    agency        TEXT,
    uploaded_by   TEXT,
    uploaded_at   BIGINT,
    approved_by   TEXT,
    approved_at   BIGINT,
    jar           BYTEA
);
CREATE INDEX bundle_approval_waiting ON bundle_approval (uploaded_at) WHERE approved_by IS NULL;

-- Jars whose code misbehaved, by hash: every node refuses them without running them again.
CREATE TABLE bundle_quarantine (
    sha256  TEXT    NOT NULL PRIMARY KEY,
    reason  TEXT    NOT NULL,
    at      BIGINT NOT NULL
);

-- Agency code -> the bundle that first committed services of it.
CREATE TABLE agency_owner (
    agency        TEXT    NOT NULL PRIMARY KEY,
    symbolic_name TEXT    NOT NULL,
    claimed_at    BIGINT NOT NULL
);
