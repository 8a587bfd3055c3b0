-- One counter that moves forward with every change to what pages show. The server keeps
-- rendered pages keyed on it (and on who asked, in which language, for which address), so
-- a page rendered before a change is never served after it, whichever instance or command
-- made the change. Sessions, the audit log and the outbox do not move it: they are not
-- shown on cached pages. A new table whose rows appear on pages gets the same trigger
-- (a test lists the tables without it). Writers queue on the counter's row until they
-- commit, which is cheap at the write rates of a field-service business.

CREATE TABLE data_version (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);

INSERT INTO data_version (id, generation) VALUES (1, 0);

CREATE FUNCTION move_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET generation = generation + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER business_settings_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_settings
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER users_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER staff_profiles_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_profiles
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER customer_accounts_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customer_accounts
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER memberships_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER locations_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER services_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER technicians_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON technicians
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER technician_hours_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON technician_hours
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER technician_time_off_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON technician_time_off
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER technician_extra_shifts_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON technician_extra_shifts
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER jobs_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jobs
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();

CREATE TRIGGER scheduling_rules_moves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON scheduling_rules
FOR EACH STATEMENT EXECUTE FUNCTION move_data_version();
