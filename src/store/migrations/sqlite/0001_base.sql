-- Base schema: the business, people, customer accounts and their locations, sessions,
-- the audit log and the outbox. Times are UTC seconds; money is integer minor units.

CREATE TABLE business_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    logo_url TEXT,
    primary_colour TEXT NOT NULL,
    accent_colour TEXT NOT NULL,
    default_locale TEXT NOT NULL,
    currency TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    terminology TEXT NOT NULL DEFAULT 'visit',
    updated_at INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    locale TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE staff_profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('technician', 'dispatcher', 'admin')),
    phone TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE customer_accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('household', 'company')),
    created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, account_id)
);
CREATE INDEX memberships_account ON memberships (account_id);

CREATE TABLE locations (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    access_notes TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX locations_account ON locations (account_id);

-- The id is the SHA-256 of the cookie's token: a copy of this table signs nobody in.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    user_agent TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    topic TEXT NOT NULL,
    payload TEXT NOT NULL,
    published_at INTEGER
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
