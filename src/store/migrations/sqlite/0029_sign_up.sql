-- Self sign-up. A person who signs up proves their email before they can sign in; the
-- people already here (made by the office, the demo or the set-up command) count as proven.
ALTER TABLE users ADD COLUMN email_verified_at INTEGER;
UPDATE users SET email_verified_at = created_at;

-- Single-use links mailed to people: proving an email, resetting a password, signing in
-- without one, joining an account. Only a hash of the secret is kept; a link is used once,
-- before it expires.
CREATE TABLE auth_links (
    id INTEGER PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'sign_in', 'invite')),
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Where to go once it is used: a path of the portal (the booking a newcomer started).
    next_path TEXT,
    -- Sign-in links: a hash of the secret kept in the cookie of the browser that asked.
    browser_hash TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX auth_links_user ON auth_links (user_id, purpose);

-- What one address did lately (sign-ups from it are limited; bursts of failures alert).
CREATE INDEX audit_log_client ON audit_log (client_ip, at);

-- "Where you're signed in": the address each session was opened from.
ALTER TABLE sessions ADD COLUMN client_ip TEXT;
