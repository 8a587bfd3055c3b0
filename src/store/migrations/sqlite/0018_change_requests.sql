-- A customer too close to a visit to move or cancel it online asks the office instead: that
-- message is a request of kind 'change' naming its visit, listed with the others on the
-- office's pages and the board. SQLite cannot change a CHECK in place: the table is rebuilt.
CREATE TABLE service_requests_v2 (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id INTEGER REFERENCES services (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'callback', 'change')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
    notes TEXT,
    phone TEXT,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    handled_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    handled_at INTEGER,
    visit_id INTEGER REFERENCES jobs (id) ON DELETE CASCADE,
    CHECK ((kind = 'change') = (visit_id IS NOT NULL))
);

INSERT INTO service_requests_v2 (id, account_id, location_id, service_id, kind, status, notes,
    phone, created_by, created_at, handled_by, handled_at)
SELECT id, account_id, location_id, service_id, kind, status, notes, phone, created_by,
    created_at, handled_by, handled_at
FROM service_requests;

DROP TABLE service_requests;
ALTER TABLE service_requests_v2 RENAME TO service_requests;

CREATE INDEX service_requests_status ON service_requests (status, created_at);
CREATE INDEX service_requests_account ON service_requests (account_id, created_at);
CREATE INDEX service_requests_visit ON service_requests (visit_id) WHERE visit_id IS NOT NULL;
