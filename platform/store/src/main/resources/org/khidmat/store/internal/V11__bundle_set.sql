-- The set of agency bundles every node runs (issue 15), with the jars themselves, so a node that starts or hears of
-- a change reconciles its framework to it. change_no rises with every change of the set (bundle_set_head holds the
-- latest); a withdrawal deletes the row and moves the head. bundle_outcome: what each node made of each bundle.
-- signal: one row per topic whose counter a node bumps after a change that other nodes cache (Signals).
CREATE TABLE bundle_set (
    symbolic_name TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    agency TEXT,
    deployed_by TEXT NOT NULL,
    deployed_at INTEGER NOT NULL,
    approval TEXT NOT NULL,
    change_no INTEGER NOT NULL,
    jar BLOB NOT NULL
);
CREATE TABLE bundle_set_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    change_no INTEGER NOT NULL
);
INSERT INTO bundle_set_head (id, change_no) VALUES (1, 0);
CREATE TABLE bundle_outcome (
    node TEXT NOT NULL,
    symbolic_name TEXT NOT NULL,
    version TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ACTIVE', 'REFUSED', 'FAILED')),
    message TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (symbolic_name, node)
);
CREATE TABLE signal (
    topic TEXT PRIMARY KEY,
    counter INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
