-- Problem reports: a customer tells the office what is wrong (category, description,
-- priority, preferred days, photos); the office asks a question, declines with a reason or
-- schedules a visit, and every step is on the request's timeline. SQLite cannot change a
-- CHECK in place: the table is rebuilt (before any other table refers to it).
CREATE TABLE service_requests_v3 (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id INTEGER REFERENCES services (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'callback', 'change', 'problem')),
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'handled', 'waiting', 'declined', 'scheduled')),
    notes TEXT,
    phone TEXT,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    handled_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    handled_at INTEGER,
    -- A change request's visit; the visit a problem was scheduled as.
    visit_id INTEGER REFERENCES jobs (id) ON DELETE CASCADE,
    category TEXT,
    priority TEXT CHECK (priority IN ('low', 'normal', 'urgent', 'emergency')),
    -- Weekdays the customer prefers (`mon,thu`); empty: any.
    preferred_days TEXT,
    -- The response time (hours) the customer was shown and acknowledged when sending.
    response_hours INTEGER,
    CHECK (kind <> 'change' OR visit_id IS NOT NULL),
    CHECK ((kind = 'problem') = (category IS NOT NULL AND priority IS NOT NULL))
);

INSERT INTO service_requests_v3 (id, account_id, location_id, service_id, kind, status, notes,
    phone, created_by, created_at, handled_by, handled_at, visit_id)
SELECT id, account_id, location_id, service_id, kind, status, notes, phone, created_by,
    created_at, handled_by, handled_at, visit_id
FROM service_requests;

DROP TABLE service_requests;
ALTER TABLE service_requests_v3 RENAME TO service_requests;

CREATE INDEX service_requests_status ON service_requests (status, created_at);
CREATE INDEX service_requests_account ON service_requests (account_id, created_at);
CREATE INDEX service_requests_visit ON service_requests (visit_id) WHERE visit_id IS NOT NULL;

-- What happened to a request, oldest first: sent, a question and its answer, declined with
-- a reason, scheduled. The customer reads all of it.
CREATE TABLE request_steps (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('sent', 'question', 'answer', 'declined', 'scheduled', 'handled')),
    body TEXT,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at INTEGER NOT NULL
);
CREATE INDEX request_steps_request ON request_steps (request_id, id);

-- How soon the business answers a problem of each priority, shown before sending.
CREATE TABLE response_times (
    priority TEXT PRIMARY KEY CHECK (priority IN ('low', 'normal', 'urgent', 'emergency')),
    hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 720)
);
INSERT INTO response_times (priority, hours) VALUES
    ('low', 120), ('normal', 48), ('urgent', 8), ('emergency', 2);

-- Files people send (photos of a problem, of finished work): the bytes live in the file
-- store (a folder or an S3 bucket) under `photos/<token>.jpg` and `photos/<token>-thumb.jpg`;
-- this row says whose they are, so only people who may see the request or the job get them.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    -- Random, unguessable, and the file's address: `/files/<token>`.
    token TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES service_requests (id) ON DELETE CASCADE,
    job_id INTEGER REFERENCES jobs (id) ON DELETE CASCADE,
    -- The name it was sent with, cleaned: shown and offered on download, never trusted.
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    CHECK (request_id IS NOT NULL OR job_id IS NOT NULL)
);
CREATE INDEX files_request ON files (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX files_job ON files (job_id) WHERE job_id IS NOT NULL;
