-- Schema version 18: a centre's name in each language its configuration gives, beside its English name
-- (centre.name_en), so the open figures name every centre in the page's language. V12's name_ur is copied and no
-- longer read.
CREATE TABLE centre_name (
    centre  TEXT NOT NULL,
    lang    TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (centre, lang)
);
INSERT INTO centre_name (centre, lang, name) SELECT id, 'ur', name_ur FROM centre WHERE name_ur IS NOT NULL AND name_ur <> '';
