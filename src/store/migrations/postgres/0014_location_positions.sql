-- A location may have no position yet (no geocoder, or no result): it cannot be booked
-- for until someone enters one.
ALTER TABLE locations ALTER COLUMN latitude DROP NOT NULL;
ALTER TABLE locations ALTER COLUMN longitude DROP NOT NULL;
ALTER TABLE locations ADD COLUMN updated_at BIGINT;
ALTER TABLE locations ADD CONSTRAINT locations_position_whole
    CHECK ((latitude IS NULL) = (longitude IS NULL));
