-- What others must see, in the order it became true: a row is written in the transaction of
-- the change it reports (a visit booked, moved, cancelled, and later every step of a job).
-- Live clients follow it over Server-Sent Events and resume after the last `seq` they saw.
--
-- `seq` is the order of commits, not of inserts: two transactions may take ids 10 and 11
-- and commit 11 first, and a reader that saw 11 would never look back for 10. So `seq` is
-- given at commit (a deferred trigger) under a lock held until the commit ends, and every
-- reader waits for it; the same trigger pokes the other instances (NOTIFY is sent on
-- commit). The lock is the last one a transaction takes, so it cannot deadlock.
CREATE TABLE events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq BIGINT UNIQUE,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    job_id BIGINT REFERENCES jobs (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES customer_accounts (id) ON DELETE CASCADE,
    technician_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_account ON events (account_id, seq);
CREATE INDEX events_technician ON events (technician_id, seq);
CREATE SEQUENCE events_seq_order;

CREATE FUNCTION events_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_seq BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('doorstep.events'));
    next_seq := nextval('events_seq_order');
    UPDATE events SET seq = next_seq WHERE id = NEW.id;
    PERFORM pg_notify('doorstep_events', next_seq::text);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER events_commit_order AFTER INSERT ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_commit_order();
