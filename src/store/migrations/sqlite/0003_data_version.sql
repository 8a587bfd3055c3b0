-- One counter that moves forward with every change to what pages show. The server keeps
-- rendered pages keyed on it (and on who asked, in which language, for which address), so
-- a page rendered before a change is never served after it, whichever process or command
-- made the change. Sessions, the audit log and the outbox do not move it: they are not
-- shown on cached pages. A new table whose rows appear on pages gets the same triggers
-- (a test lists the tables without them).

CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);

INSERT INTO data_version (id, generation) VALUES (1, 0);

CREATE TRIGGER business_settings_insert_moves_data_version AFTER INSERT ON business_settings
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER business_settings_update_moves_data_version AFTER UPDATE ON business_settings
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER business_settings_delete_moves_data_version AFTER DELETE ON business_settings
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER users_insert_moves_data_version AFTER INSERT ON users
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER users_update_moves_data_version AFTER UPDATE ON users
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER users_delete_moves_data_version AFTER DELETE ON users
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER staff_profiles_insert_moves_data_version AFTER INSERT ON staff_profiles
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER staff_profiles_update_moves_data_version AFTER UPDATE ON staff_profiles
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER staff_profiles_delete_moves_data_version AFTER DELETE ON staff_profiles
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER customer_accounts_insert_moves_data_version AFTER INSERT ON customer_accounts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER customer_accounts_update_moves_data_version AFTER UPDATE ON customer_accounts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER customer_accounts_delete_moves_data_version AFTER DELETE ON customer_accounts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER memberships_insert_moves_data_version AFTER INSERT ON memberships
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER memberships_update_moves_data_version AFTER UPDATE ON memberships
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER memberships_delete_moves_data_version AFTER DELETE ON memberships
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER locations_insert_moves_data_version AFTER INSERT ON locations
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER locations_update_moves_data_version AFTER UPDATE ON locations
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER locations_delete_moves_data_version AFTER DELETE ON locations
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER services_insert_moves_data_version AFTER INSERT ON services
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER services_update_moves_data_version AFTER UPDATE ON services
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER services_delete_moves_data_version AFTER DELETE ON services
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technicians_insert_moves_data_version AFTER INSERT ON technicians
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technicians_update_moves_data_version AFTER UPDATE ON technicians
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technicians_delete_moves_data_version AFTER DELETE ON technicians
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_hours_insert_moves_data_version AFTER INSERT ON technician_hours
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_hours_update_moves_data_version AFTER UPDATE ON technician_hours
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_hours_delete_moves_data_version AFTER DELETE ON technician_hours
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_time_off_insert_moves_data_version AFTER INSERT ON technician_time_off
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_time_off_update_moves_data_version AFTER UPDATE ON technician_time_off
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_time_off_delete_moves_data_version AFTER DELETE ON technician_time_off
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_extra_shifts_insert_moves_data_version AFTER INSERT ON technician_extra_shifts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_extra_shifts_update_moves_data_version AFTER UPDATE ON technician_extra_shifts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER technician_extra_shifts_delete_moves_data_version AFTER DELETE ON technician_extra_shifts
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER jobs_insert_moves_data_version AFTER INSERT ON jobs
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER jobs_update_moves_data_version AFTER UPDATE ON jobs
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER jobs_delete_moves_data_version AFTER DELETE ON jobs
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER scheduling_rules_insert_moves_data_version AFTER INSERT ON scheduling_rules
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER scheduling_rules_update_moves_data_version AFTER UPDATE ON scheduling_rules
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;

CREATE TRIGGER scheduling_rules_delete_moves_data_version AFTER DELETE ON scheduling_rules
BEGIN UPDATE data_version SET generation = generation + 1 WHERE id = 1; END;
