-- Passkeys (WebAuthn). Each is a public key a person's device keeps the private half of;
-- `passkey` is the whole credential as webauthn-rs serialises it (public key, counter,
-- flags), `credential_id` its id in base64url, `user_handle` the random id the device
-- returns at sign-in (never the person's row id). A person's passkeys share one handle.
CREATE TABLE passkeys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    user_handle TEXT NOT NULL,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_user ON passkeys (user_id);
CREATE INDEX passkeys_handle ON passkeys (user_handle);

-- A passkey ceremony between its two requests: the challenge the server sent and what it
-- expects back. The browser keeps the secret in a cookie; it works once, for five minutes.
-- `user_id` is set when adding a passkey (the person signed in), empty when signing in.
CREATE TABLE passkey_ceremonies (
    secret_hash TEXT PRIMARY KEY,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
