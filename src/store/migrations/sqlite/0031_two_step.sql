-- Two-step sign-in. A person's authenticator secret, sealed with the data key like access
-- notes; `confirmed_at` is set once they typed a first code; `last_step` is the time step of
-- the last code accepted (codes of it or before are refused: no replay).
CREATE TABLE totp_secrets (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    last_step INTEGER
);

-- Ten single-use recovery codes per person, shown once; only their SHA-256 is kept (each
-- has 80 random bits).
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A sign-in waiting for its second step: the password (or mailed link) was right, the code
-- is still to come. The browser keeps the secret in a cookie; it works for five minutes, for
-- a few tries, once.
CREATE TABLE sign_in_challenges (
    id INTEGER PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    used_at INTEGER
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);
