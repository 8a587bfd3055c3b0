-- A location may have no position yet (no geocoder, or no result): it cannot be booked
-- for until someone enters one. SQLite cannot drop NOT NULL in place, so the table is
-- rebuilt the documented way: with foreign keys off, so that dropping the old table does
-- not cascade to the visits that point at it. Foreign keys cannot be switched inside a
-- transaction, and migrations run inside one: this one ends it, rebuilds in a transaction
-- of its own, and opens a new one for the migration's bookkeeping.
COMMIT;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE locations_new (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    access_notes TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
INSERT INTO locations_new (id, account_id, label, line1, line2, postal_code, city, country,
    latitude, longitude, access_notes, created_at)
SELECT id, account_id, label, line1, line2, postal_code, city, country, latitude, longitude,
    access_notes, created_at FROM locations;
DROP TABLE locations;
ALTER TABLE locations_new RENAME TO locations;
CREATE INDEX locations_account ON locations (account_id);
COMMIT;
PRAGMA foreign_keys = ON;
BEGIN;
