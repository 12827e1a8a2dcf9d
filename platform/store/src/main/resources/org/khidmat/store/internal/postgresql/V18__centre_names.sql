-- Schema version 18 (PostgreSQL twin of the SQLite script): a centre's name in each language its configuration
-- gives. See the SQLite script.
CREATE TABLE centre_name (
    centre  TEXT NOT NULL,
    lang    TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (centre, lang)
);
INSERT INTO centre_name (centre, lang, name) SELECT id, 'ur', name_ur FROM centre WHERE name_ur IS NOT NULL AND name_ur <> '';
