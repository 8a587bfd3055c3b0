-- Two-step sign-in. A person's authenticator secret, sealed with the data key like access
-- notes; `confirmed_at` is set once they typed a first code; `last_step` is the time step of
-- the last code accepted (codes of it or before are refused: no replay).
CREATE TABLE totp_secrets (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    last_step BIGINT
);

-- Ten single-use recovery codes per person, shown once; only their SHA-256 is kept (each
-- has 80 random bits).
CREATE TABLE recovery_codes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A sign-in waiting for its second step: the password (or mailed link) was right, the code
-- is still to come. The browser keeps the secret in a cookie; it works for five minutes, for
-- a few tries, once.
CREATE TABLE sign_in_challenges (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    tries BIGINT NOT NULL DEFAULT 0,
    used_at BIGINT
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);
