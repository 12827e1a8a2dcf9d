-- Schema version 9, PostgreSQL twin of ../V9__figure_queue_days.sql: the open figures' queue waits and appointments
-- from sums kept per day. figure_queue_day counts tokens per day, service and span of their wait from taken to called
-- (figure_span of V7; -1 for those not called yet); figure_appointment_day counts per day and service the appointments
-- not cancelled (booked) and those missed (no-show or late). Triggers keep both in the transaction of the change (a
-- change takes its old row's part away and adds its new one's); the INSERTs at the end fill them from what is stored.
CREATE TABLE figure_queue_day (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    up_to BIGINT NOT NULL,
    tokens BIGINT NOT NULL,
    PRIMARY KEY (day, service_id, up_to)
);
CREATE TABLE figure_appointment_day (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    booked BIGINT NOT NULL,
    missed BIGINT NOT NULL,
    PRIMARY KEY (day, service_id)
);
CREATE FUNCTION figure_wait_span(taken_at BIGINT, called_at BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN called_at IS NULL THEN -1 ELSE figure_span(called_at - taken_at) END
$$;
CREATE FUNCTION figure_queue_count(d TEXT, s TEXT, span BIGINT, n BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO figure_queue_day (day, service_id, up_to, tokens) VALUES (d, s, span, n)
    ON CONFLICT (day, service_id, up_to) DO UPDATE SET tokens = figure_queue_day.tokens + excluded.tokens
$$;
CREATE FUNCTION figure_queue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM figure_queue_count(OLD.day, OLD.service_id, figure_wait_span(OLD.taken_at, OLD.called_at), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM figure_queue_count(NEW.day, NEW.service_id, figure_wait_span(NEW.taken_at, NEW.called_at), 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION figure_appointment_count(d TEXT, s TEXT, st TEXT, delta BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO figure_appointment_day (day, service_id, booked, missed)
    VALUES (d, s, delta * (CASE WHEN st = 'cancelled' THEN 0 ELSE 1 END),
        delta * (CASE WHEN st IN ('no-show', 'late') THEN 1 ELSE 0 END))
    ON CONFLICT (day, service_id) DO UPDATE SET booked = figure_appointment_day.booked + excluded.booked,
        missed = figure_appointment_day.missed + excluded.missed
$$;
CREATE FUNCTION figure_appointment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM figure_appointment_count(OLD.day, OLD.service_id, OLD.state, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM figure_appointment_count(NEW.day, NEW.service_id, NEW.state, 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER figure_queue_taken AFTER INSERT ON queue_token FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
CREATE TRIGGER figure_queue_changed AFTER UPDATE OF day, service_id, taken_at, called_at ON queue_token
    FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
CREATE TRIGGER figure_queue_gone AFTER DELETE ON queue_token FOR EACH ROW EXECUTE FUNCTION figure_queue_changed();
CREATE TRIGGER figure_appointment_booked AFTER INSERT ON appointment
    FOR EACH ROW EXECUTE FUNCTION figure_appointment_changed();
CREATE TRIGGER figure_appointment_changed AFTER UPDATE OF day, service_id, state ON appointment
    FOR EACH ROW EXECUTE FUNCTION figure_appointment_changed();
CREATE TRIGGER figure_appointment_gone AFTER DELETE ON appointment
    FOR EACH ROW EXECUTE FUNCTION figure_appointment_changed();
INSERT INTO figure_queue_day (day, service_id, up_to, tokens)
SELECT day, service_id, figure_wait_span(taken_at, called_at), COUNT(*) FROM queue_token GROUP BY 1, 2, 3;
INSERT INTO figure_appointment_day (day, service_id, booked, missed)
SELECT day, service_id, SUM(CASE WHEN state = 'cancelled' THEN 0 ELSE 1 END),
    SUM(CASE WHEN state IN ('no-show', 'late') THEN 1 ELSE 0 END)
FROM appointment GROUP BY 1, 2;
