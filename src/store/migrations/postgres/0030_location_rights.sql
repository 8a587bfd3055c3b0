-- What each member of a customer account may do at each of its locations. A row means
-- the member sees the location (its visits, requests, files and access notes); `can_book`
-- and `can_pay` add booking there and paying its invoices. Owners need no rows: they may
-- do everything everywhere in their account. A member without rows sees no location.
CREATE TABLE location_rights (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    can_book BIGINT NOT NULL DEFAULT 0 CHECK (can_book IN (0, 1)),
    can_pay BIGINT NOT NULL DEFAULT 0 CHECK (can_pay IN (0, 1)),
    PRIMARY KEY (user_id, location_id)
);
CREATE INDEX location_rights_location ON location_rights (location_id);

-- The members already here keep what they had: everything at every location of their
-- account.
INSERT INTO location_rights (user_id, location_id, can_book, can_pay)
SELECT m.user_id, l.id, 1, 1 FROM memberships m
JOIN locations l ON l.account_id = m.account_id
WHERE m.role = 'member';

-- Who invited a person who has not joined yet (their invitation is an `invite` link).
ALTER TABLE memberships ADD COLUMN invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL;

-- The live stream passes a member only the events of the locations they see.
ALTER TABLE events ADD COLUMN location_id BIGINT REFERENCES locations (id) ON DELETE CASCADE;
UPDATE events SET location_id = (SELECT j.location_id FROM jobs j WHERE j.id = events.job_id)
WHERE job_id IS NOT NULL;
