-- What the scheduling engine reads: services, technicians' skills, homes, areas, hours,
-- time off and extra shifts, the jobs, and the business's booking rules.

CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    trade TEXT NOT NULL,
    duration_min INTEGER NOT NULL CHECK (duration_min > 0 AND duration_min <= 1440),
    buffer_min INTEGER NOT NULL DEFAULT 0 CHECK (buffer_min >= 0 AND buffer_min <= 1440),
    -- Required skills, comma-separated, lower case.
    skills TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE technicians (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    skills TEXT NOT NULL DEFAULT '',
    home_lat REAL NOT NULL,
    home_lng REAL NOT NULL,
    area_lat REAL,
    area_lng REAL,
    area_radius_km REAL,
    -- Postal codes served besides the radius, comma-separated.
    area_postal_codes TEXT NOT NULL DEFAULT ''
);

-- Regular weekly hours in the business's local time; several rows a day make a split shift.
CREATE TABLE technician_hours (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_min INTEGER NOT NULL,
    end_min INTEGER NOT NULL,
    CHECK (start_min >= 0 AND end_min <= 1440 AND start_min < end_min)
);
CREATE INDEX technician_hours_user ON technician_hours (user_id);

CREATE TABLE technician_time_off (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    reason TEXT,
    CHECK (starts_at < ends_at)
);
CREATE INDEX technician_time_off_user ON technician_time_off (user_id, ends_at);

CREATE TABLE technician_extra_shifts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    start_min INTEGER NOT NULL,
    end_min INTEGER NOT NULL,
    CHECK (start_min >= 0 AND end_min <= 1440 AND start_min < end_min)
);
CREATE INDEX technician_extra_shifts_day ON technician_extra_shifts (day);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services (id),
    technician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'assigned', 'en_route',
        'in_progress', 'completed', 'cancelled', 'on_hold')),
    planned_start INTEGER NOT NULL,
    planned_end INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK (planned_start < planned_end)
);
CREATE INDEX jobs_technician_start ON jobs (technician_id, planned_start);
CREATE INDEX jobs_planned_start ON jobs (planned_start);

CREATE TABLE scheduling_rules (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    min_notice_min INTEGER NOT NULL,
    horizon_days INTEGER NOT NULL,
    window_min INTEGER NOT NULL,
    step_min INTEGER NOT NULL,
    road_factor REAL NOT NULL,
    speed_kmh REAL NOT NULL,
    travel_buffer_min INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO scheduling_rules (id, min_notice_min, horizon_days, window_min, step_min, road_factor,
    speed_kmh, travel_buffer_min, updated_at)
VALUES (1, 120, 30, 120, 30, 1.3, 28.0, 10, 0);
