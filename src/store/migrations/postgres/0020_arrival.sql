-- When the technician got to the place. Arriving keeps the status 'en_route' (the status
-- list is a CHECK that SQLite cannot change in place); a job on the way with `arrived_at`
-- set shows as arrived.
ALTER TABLE jobs ADD COLUMN arrived_at BIGINT;
