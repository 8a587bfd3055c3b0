-- The data-version counter and its triggers are gone: pages are rendered from the database
-- for every request, so nothing needs to know whether data changed, and writers no longer
-- queue on one counter row (where two transactions could deadlock through it).

DROP TRIGGER IF EXISTS business_settings_moves_data_version ON business_settings;
DROP TRIGGER IF EXISTS users_moves_data_version ON users;
DROP TRIGGER IF EXISTS staff_profiles_moves_data_version ON staff_profiles;
DROP TRIGGER IF EXISTS customer_accounts_moves_data_version ON customer_accounts;
DROP TRIGGER IF EXISTS memberships_moves_data_version ON memberships;
DROP TRIGGER IF EXISTS locations_moves_data_version ON locations;
DROP TRIGGER IF EXISTS services_moves_data_version ON services;
DROP TRIGGER IF EXISTS technicians_moves_data_version ON technicians;
DROP TRIGGER IF EXISTS technician_hours_moves_data_version ON technician_hours;
DROP TRIGGER IF EXISTS technician_time_off_moves_data_version ON technician_time_off;
DROP TRIGGER IF EXISTS technician_extra_shifts_moves_data_version ON technician_extra_shifts;
DROP TRIGGER IF EXISTS jobs_moves_data_version ON jobs;
DROP TRIGGER IF EXISTS scheduling_rules_moves_data_version ON scheduling_rules;

DROP FUNCTION IF EXISTS move_data_version();
DROP TABLE IF EXISTS data_version;
