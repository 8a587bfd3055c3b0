-- Private calendar feeds: one secret address per person listing their upcoming visits
-- (customers) or jobs (technicians). Only the secret's SHA-256 is kept; replacing or
-- turning off a feed marks it revoked.

CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);
