-- The audit log to ASVS level 2: where each entry came from (client IP, user agent, request
-- id), the actor as their public reference (DS-000042; it outlives the person's row), ids never
-- reused (AUTOINCREMENT), and append-only, enforced here: an UPDATE or DELETE fails.

CREATE TABLE audit_log_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT,
    client_ip TEXT,
    user_agent TEXT,
    request_id TEXT
);

INSERT INTO audit_log_v2 (id, at, actor, action, subject, detail)
SELECT id, at,
       CASE WHEN actor_user_id IS NULL THEN NULL ELSE printf('DS-%06d', actor_user_id) END,
       action, subject, detail
FROM audit_log;

DROP TABLE audit_log;
ALTER TABLE audit_log_v2 RENAME TO audit_log;

CREATE INDEX audit_log_action ON audit_log (action, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
