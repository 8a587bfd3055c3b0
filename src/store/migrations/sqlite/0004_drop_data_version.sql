-- The data-version counter and its triggers are gone: pages are rendered from the database
-- for every request, so nothing needs to know whether data changed, and writers no longer
-- queue on one counter row.

DROP TRIGGER IF EXISTS business_settings_insert_moves_data_version;
DROP TRIGGER IF EXISTS business_settings_update_moves_data_version;
DROP TRIGGER IF EXISTS business_settings_delete_moves_data_version;
DROP TRIGGER IF EXISTS users_insert_moves_data_version;
DROP TRIGGER IF EXISTS users_update_moves_data_version;
DROP TRIGGER IF EXISTS users_delete_moves_data_version;
DROP TRIGGER IF EXISTS staff_profiles_insert_moves_data_version;
DROP TRIGGER IF EXISTS staff_profiles_update_moves_data_version;
DROP TRIGGER IF EXISTS staff_profiles_delete_moves_data_version;
DROP TRIGGER IF EXISTS customer_accounts_insert_moves_data_version;
DROP TRIGGER IF EXISTS customer_accounts_update_moves_data_version;
DROP TRIGGER IF EXISTS customer_accounts_delete_moves_data_version;
DROP TRIGGER IF EXISTS memberships_insert_moves_data_version;
DROP TRIGGER IF EXISTS memberships_update_moves_data_version;
DROP TRIGGER IF EXISTS memberships_delete_moves_data_version;
DROP TRIGGER IF EXISTS locations_insert_moves_data_version;
DROP TRIGGER IF EXISTS locations_update_moves_data_version;
DROP TRIGGER IF EXISTS locations_delete_moves_data_version;
DROP TRIGGER IF EXISTS services_insert_moves_data_version;
DROP TRIGGER IF EXISTS services_update_moves_data_version;
DROP TRIGGER IF EXISTS services_delete_moves_data_version;
DROP TRIGGER IF EXISTS technicians_insert_moves_data_version;
DROP TRIGGER IF EXISTS technicians_update_moves_data_version;
DROP TRIGGER IF EXISTS technicians_delete_moves_data_version;
DROP TRIGGER IF EXISTS technician_hours_insert_moves_data_version;
DROP TRIGGER IF EXISTS technician_hours_update_moves_data_version;
DROP TRIGGER IF EXISTS technician_hours_delete_moves_data_version;
DROP TRIGGER IF EXISTS technician_time_off_insert_moves_data_version;
DROP TRIGGER IF EXISTS technician_time_off_update_moves_data_version;
DROP TRIGGER IF EXISTS technician_time_off_delete_moves_data_version;
DROP TRIGGER IF EXISTS technician_extra_shifts_insert_moves_data_version;
DROP TRIGGER IF EXISTS technician_extra_shifts_update_moves_data_version;
DROP TRIGGER IF EXISTS technician_extra_shifts_delete_moves_data_version;
DROP TRIGGER IF EXISTS jobs_insert_moves_data_version;
DROP TRIGGER IF EXISTS jobs_update_moves_data_version;
DROP TRIGGER IF EXISTS jobs_delete_moves_data_version;
DROP TRIGGER IF EXISTS scheduling_rules_insert_moves_data_version;
DROP TRIGGER IF EXISTS scheduling_rules_update_moves_data_version;
DROP TRIGGER IF EXISTS scheduling_rules_delete_moves_data_version;

DROP TABLE IF EXISTS data_version;
