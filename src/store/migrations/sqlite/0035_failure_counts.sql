-- Bursts of failed sign-ins are counted over the last minutes on every failure: by action
-- and time, not over every failure ever kept.
CREATE INDEX audit_log_action_at ON audit_log (action, at);
