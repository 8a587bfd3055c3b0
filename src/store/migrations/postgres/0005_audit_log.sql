-- The audit log to ASVS level 2: where each entry came from (client IP, user agent, request
-- id), the actor as their public reference (DS-000042; it outlives the person's row), and
-- append-only, enforced here: an UPDATE, DELETE or TRUNCATE fails. Identity ids are never
-- reused.

ALTER TABLE audit_log ADD COLUMN actor TEXT;
ALTER TABLE audit_log ADD COLUMN client_ip TEXT;
ALTER TABLE audit_log ADD COLUMN user_agent TEXT;
ALTER TABLE audit_log ADD COLUMN request_id TEXT;

UPDATE audit_log SET actor = 'DS-' || CASE
    WHEN length(actor_user_id::text) >= 6 THEN actor_user_id::text
    ELSE lpad(actor_user_id::text, 6, '0')
END
WHERE actor_user_id IS NOT NULL;

ALTER TABLE audit_log DROP COLUMN actor_user_id;

CREATE INDEX audit_log_action ON audit_log (action, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
