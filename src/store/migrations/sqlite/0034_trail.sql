-- The account's trail: each audit entry names the customer account it concerns (through its
-- subject, else its actor), so an owner reads what happened in theirs. Entries from before
-- stay unnamed: the log is append-only.
ALTER TABLE audit_log ADD COLUMN account_id INTEGER;
CREATE INDEX audit_log_account ON audit_log (account_id, id);
-- The admins' trail is filtered by who acted and from where.
CREATE INDEX audit_log_actor ON audit_log (actor, id);

-- Alerts to admins: a burst of failed sign-ins, a staff sign-in from a new network. Each
-- is also mailed to every active admin.
CREATE TABLE security_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('failed_sign_ins', 'new_network')),
    at INTEGER NOT NULL,
    -- The person it is about (a staff sign-in), if any.
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    client_ip TEXT,
    -- How many failures the burst counted.
    count INTEGER,
    seen_at INTEGER
);
CREATE INDEX security_alerts_kind ON security_alerts (kind, at);
