-- Changing one's sign-in email: a link mailed to the new address proves it, and the address
-- waits on the link until then. SQLite cannot widen a CHECK in place, so the table is made
-- again with the new purpose and column; nothing refers to it.
CREATE TABLE auth_links_next (
    id INTEGER PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'sign_in', 'invite', 'email')),
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    next_path TEXT,
    browser_hash TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    -- Email links: the address the person moves to once the link is used.
    new_email TEXT
);
INSERT INTO auth_links_next (id, secret_hash, purpose, user_id, next_path, browser_hash,
    created_at, expires_at, used_at)
SELECT id, secret_hash, purpose, user_id, next_path, browser_hash, created_at, expires_at,
    used_at FROM auth_links;
DROP TABLE auth_links;
ALTER TABLE auth_links_next RENAME TO auth_links;
CREATE INDEX auth_links_user ON auth_links (user_id, purpose);
