-- A customer's own phone number (staff keep theirs on their staff profile), set on their
-- profile with their name and language.
ALTER TABLE users ADD COLUMN phone TEXT;
