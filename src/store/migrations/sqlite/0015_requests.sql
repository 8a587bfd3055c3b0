-- Requests customers send the office instead of a booking: a quote for a service priced
-- on inspection, or a call back when no window suits. The office marks them handled.
CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id INTEGER REFERENCES services (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'callback')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
    notes TEXT,
    phone TEXT,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    handled_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    handled_at INTEGER
);
CREATE INDEX service_requests_status ON service_requests (status, created_at);
CREATE INDEX service_requests_account ON service_requests (account_id, created_at);
