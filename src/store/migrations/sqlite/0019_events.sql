-- What others must see, in the order it became true: a row is written in the transaction of
-- the change it reports (a visit booked, moved, cancelled, and later every step of a job).
-- Live clients follow it over Server-Sent Events and resume after the last `seq` they saw.
-- `seq` is the order of commits: SQLite has one writer at a time, so it is the row's id,
-- set as the row is written.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    seq INTEGER UNIQUE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    job_id INTEGER REFERENCES jobs (id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES customer_accounts (id) ON DELETE CASCADE,
    technician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_account ON events (account_id, seq);
CREATE INDEX events_technician ON events (technician_id, seq);

CREATE TRIGGER events_seq AFTER INSERT ON events
BEGIN UPDATE events SET seq = NEW.id WHERE id = NEW.id; END;
