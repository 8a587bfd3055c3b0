-- What the scheduling engine reads: services, technicians' skills, homes, areas, hours,
-- time off and extra shifts, the jobs, and the business's booking rules.

CREATE TABLE services (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    trade TEXT NOT NULL,
    duration_min BIGINT NOT NULL CHECK (duration_min > 0 AND duration_min <= 1440),
    buffer_min BIGINT NOT NULL DEFAULT 0 CHECK (buffer_min >= 0 AND buffer_min <= 1440),
    -- Required skills, comma-separated, lower case.
    skills TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);

CREATE TABLE technicians (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    skills TEXT NOT NULL DEFAULT '',
    home_lat DOUBLE PRECISION NOT NULL,
    home_lng DOUBLE PRECISION NOT NULL,
    area_lat DOUBLE PRECISION,
    area_lng DOUBLE PRECISION,
    area_radius_km DOUBLE PRECISION,
    -- Postal codes served besides the radius, comma-separated.
    area_postal_codes TEXT NOT NULL DEFAULT ''
);

-- Regular weekly hours in the business's local time; several rows a day make a split shift.
CREATE TABLE technician_hours (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    weekday BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_min BIGINT NOT NULL,
    end_min BIGINT NOT NULL,
    CHECK (start_min >= 0 AND end_min <= 1440 AND start_min < end_min)
);
CREATE INDEX technician_hours_user ON technician_hours (user_id);

CREATE TABLE technician_time_off (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    reason TEXT,
    CHECK (starts_at < ends_at)
);
CREATE INDEX technician_time_off_user ON technician_time_off (user_id, ends_at);

CREATE TABLE technician_extra_shifts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    start_min BIGINT NOT NULL,
    end_min BIGINT NOT NULL,
    CHECK (start_min >= 0 AND end_min <= 1440 AND start_min < end_min)
);
CREATE INDEX technician_extra_shifts_day ON technician_extra_shifts (day);

CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    service_id BIGINT NOT NULL REFERENCES services (id),
    technician_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'assigned', 'en_route',
        'in_progress', 'completed', 'cancelled', 'on_hold')),
    planned_start BIGINT NOT NULL,
    planned_end BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK (planned_start < planned_end)
);
CREATE INDEX jobs_technician_start ON jobs (technician_id, planned_start);
CREATE INDEX jobs_planned_start ON jobs (planned_start);

CREATE TABLE scheduling_rules (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    min_notice_min BIGINT NOT NULL,
    horizon_days BIGINT NOT NULL,
    window_min BIGINT NOT NULL,
    step_min BIGINT NOT NULL,
    road_factor DOUBLE PRECISION NOT NULL,
    speed_kmh DOUBLE PRECISION NOT NULL,
    travel_buffer_min BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO scheduling_rules (id, min_notice_min, horizon_days, window_min, step_min, road_factor,
    speed_kmh, travel_buffer_min, updated_at)
VALUES (1, 120, 30, 120, 30, 1.3, 28.0, 10, 0);
