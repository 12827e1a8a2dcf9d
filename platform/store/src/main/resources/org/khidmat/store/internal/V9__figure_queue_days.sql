-- The open figures' queue waits and appointments from sums kept per day, as figure_day keeps the applications (V7),
-- so a year reads about 365 rows per service and wait span rather than every token and appointment of the year.
-- figure_queue_day: per day of the token (its ISO day in the centre's zone, as queue_token.day) and service, the
-- tokens counted per span of their wait from taken to called (up_to, the span's end in ms, the spans of TimeSpans: a
-- minute wide up to 5 hours), and under up_to -1 those not called (yet). figure_appointment_day: per day and
-- service, the appointments not cancelled (booked) and those missed (no-show or late). Triggers keep both in the
-- transaction of the change (a change takes its old row's part away and adds its new one's); the INSERTs below
-- fill them from what is stored.
CREATE TABLE figure_queue_day (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    up_to INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    PRIMARY KEY (day, service_id, up_to)
) WITHOUT ROWID;
CREATE TABLE figure_appointment_day (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    booked INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    PRIMARY KEY (day, service_id)
) WITHOUT ROWID;
CREATE TRIGGER figure_queue_taken AFTER INSERT ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
    SELECT NEW.day, NEW.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1
    FROM (SELECT NEW.called_at - NEW.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_queue_changed AFTER UPDATE OF day, service_id, taken_at, called_at ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
    SELECT OLD.day, OLD.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        -1
    FROM (SELECT OLD.called_at - OLD.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
    INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
    SELECT NEW.day, NEW.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        1
    FROM (SELECT NEW.called_at - NEW.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_queue_gone AFTER DELETE ON queue_token
BEGIN
    INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
    SELECT OLD.day, OLD.service_id,
        CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
        -1
    FROM (SELECT OLD.called_at - OLD.taken_at AS after_filing)
    WHERE 1
    ON CONFLICT (day, service_id, up_to) DO UPDATE SET tokens = tokens + excluded.tokens;
END;
CREATE TRIGGER figure_appointment_booked AFTER INSERT ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, service_id, booked, missed)
    VALUES (NEW.day, NEW.service_id, (CASE WHEN NEW.state = 'cancelled' THEN 0 ELSE 1 END),
        (CASE WHEN NEW.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, service_id) DO UPDATE SET booked = booked + excluded.booked, missed = missed + excluded.missed;
END;
CREATE TRIGGER figure_appointment_changed AFTER UPDATE OF day, service_id, state ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, service_id, booked, missed)
    VALUES (OLD.day, OLD.service_id, -(CASE WHEN OLD.state = 'cancelled' THEN 0 ELSE 1 END),
        -(CASE WHEN OLD.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, service_id) DO UPDATE SET booked = booked + excluded.booked, missed = missed + excluded.missed;
    INSERT INTO figure_appointment_day (day, service_id, booked, missed)
    VALUES (NEW.day, NEW.service_id, (CASE WHEN NEW.state = 'cancelled' THEN 0 ELSE 1 END),
        (CASE WHEN NEW.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, service_id) DO UPDATE SET booked = booked + excluded.booked, missed = missed + excluded.missed;
END;
CREATE TRIGGER figure_appointment_gone AFTER DELETE ON appointment
BEGIN
    INSERT INTO figure_appointment_day (day, service_id, booked, missed)
    VALUES (OLD.day, OLD.service_id, -(CASE WHEN OLD.state = 'cancelled' THEN 0 ELSE 1 END),
        -(CASE WHEN OLD.state IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, service_id) DO UPDATE SET booked = booked + excluded.booked, missed = missed + excluded.missed;
END;
INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
SELECT day, service_id,
    CASE WHEN after_filing IS NULL THEN -1
        WHEN after_filing <= 0 THEN 0
        WHEN after_filing <= 18000000 THEN (after_filing + 59999) / 60000 * 60000
        WHEN after_filing <= 54000000 THEN (after_filing + 299999) / 300000 * 300000
        WHEN after_filing <= 216000000 THEN (after_filing + 899999) / 900000 * 900000
        WHEN after_filing <= 864000000 THEN (after_filing + 3599999) / 3600000 * 3600000
        WHEN after_filing <= 5184000000 THEN (after_filing + 14399999) / 14400000 * 14400000
        ELSE (after_filing + 86399999) / 86400000 * 86400000 END,
    COUNT(*)
FROM (SELECT day, service_id, called_at - taken_at AS after_filing FROM queue_token)
GROUP BY 1, 2, 3;
INSERT INTO figure_appointment_day (day, service_id, booked, missed)
SELECT day, service_id, SUM(CASE WHEN state = 'cancelled' THEN 0 ELSE 1 END),
    SUM(CASE WHEN state IN ('no-show', 'late') THEN 1 ELSE 0 END)
FROM appointment GROUP BY 1, 2;
