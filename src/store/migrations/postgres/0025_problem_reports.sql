-- Problem reports: a customer tells the office what is wrong (category, description,
-- priority, preferred days, photos); the office asks a question, declines with a reason or
-- schedules a visit, and every step is on the request's timeline.
ALTER TABLE service_requests DROP CONSTRAINT service_requests_kind_check;
ALTER TABLE service_requests ADD CONSTRAINT service_requests_kind_check
    CHECK (kind IN ('quote', 'callback', 'change', 'problem'));
ALTER TABLE service_requests DROP CONSTRAINT service_requests_status_check;
ALTER TABLE service_requests ADD CONSTRAINT service_requests_status_check
    CHECK (status IN ('open', 'handled', 'waiting', 'declined', 'scheduled'));
-- A change request names its visit; a problem may name the visit it was scheduled as.
ALTER TABLE service_requests DROP CONSTRAINT service_requests_visit_check;
ALTER TABLE service_requests ADD CONSTRAINT service_requests_visit_check
    CHECK (kind <> 'change' OR visit_id IS NOT NULL);
ALTER TABLE service_requests ADD COLUMN category TEXT;
ALTER TABLE service_requests ADD COLUMN priority TEXT
    CHECK (priority IN ('low', 'normal', 'urgent', 'emergency'));
-- Weekdays the customer prefers (`mon,thu`); empty: any.
ALTER TABLE service_requests ADD COLUMN preferred_days TEXT;
-- The response time (hours) the customer was shown and acknowledged when sending.
ALTER TABLE service_requests ADD COLUMN response_hours BIGINT;
ALTER TABLE service_requests ADD CONSTRAINT service_requests_problem_check
    CHECK ((kind = 'problem') = (category IS NOT NULL AND priority IS NOT NULL));

-- What happened to a request, oldest first: sent, a question and its answer, declined with
-- a reason, scheduled. The customer reads all of it.
CREATE TABLE request_steps (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('sent', 'question', 'answer', 'declined', 'scheduled', 'handled')),
    body TEXT,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);
CREATE INDEX request_steps_request ON request_steps (request_id, id);

-- How soon the business answers a problem of each priority, shown before sending.
CREATE TABLE response_times (
    priority TEXT PRIMARY KEY CHECK (priority IN ('low', 'normal', 'urgent', 'emergency')),
    hours BIGINT NOT NULL CHECK (hours BETWEEN 1 AND 720)
);
INSERT INTO response_times (priority, hours) VALUES
    ('low', 120), ('normal', 48), ('urgent', 8), ('emergency', 2);

-- Files people send (photos of a problem, of finished work): the bytes live in the file
-- store (a folder or an S3 bucket) under `photos/<token>.jpg` and `photos/<token>-thumb.jpg`;
-- this row says whose they are, so only people who may see the request or the job get them.
CREATE TABLE files (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Random, unguessable, and the file's address: `/files/<token>`.
    token TEXT NOT NULL UNIQUE,
    account_id BIGINT NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    request_id BIGINT REFERENCES service_requests (id) ON DELETE CASCADE,
    job_id BIGINT REFERENCES jobs (id) ON DELETE CASCADE,
    -- The name it was sent with, cleaned: shown and offered on download, never trusted.
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    CHECK (request_id IS NOT NULL OR job_id IS NOT NULL)
);
CREATE INDEX files_request ON files (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX files_job ON files (job_id) WHERE job_id IS NOT NULL;
