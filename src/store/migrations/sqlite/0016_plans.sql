-- Recurring plans: a customer's regular visit (a service at a location, in a preferred
-- window, by a recurrence rule), and what became of each of its days. A day has at most
-- one row, written in the transaction that books its visit (or flags it), which is what
-- makes generating twice, or again after a crash, create nothing new.

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services (id),
    -- doorstep::recurrence::Recurrence as JSON.
    rule TEXT NOT NULL,
    -- The preferred window's start, in minutes after local midnight.
    window_start_min INTEGER NOT NULL CHECK (window_start_min >= 0 AND window_start_min < 1440),
    notes TEXT,
    -- No visits before this day (YYYY-MM-DD) while set.
    paused_until TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX plans_account ON plans (account_id);

CREATE TABLE plan_days (
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    -- booked: a visit exists; skipped: the customer skipped it; misfit: the preferred
    -- window was not free, and the office decides.
    state TEXT NOT NULL CHECK (state IN ('booked', 'skipped', 'misfit')),
    job_id INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, day)
);
CREATE INDEX plan_days_state ON plan_days (state, day);
CREATE INDEX plan_days_job ON plan_days (job_id);
