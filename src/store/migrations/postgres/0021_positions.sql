-- Where a technician on the way to a job is: the last position their phone shared, one row
-- per job. It exists only while the job is on the way: arriving, starting, finishing or
-- cancelling the job deletes it in the same transaction, and a sweep deletes any row older
-- than the setting `position_keep_minutes` (a phone that stopped sharing).
CREATE TABLE technician_positions (
    job_id BIGINT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
    technician_id BIGINT NOT NULL REFERENCES users(id),
    latitude DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    accuracy_m DOUBLE PRECISION CHECK (accuracy_m >= 0),
    at BIGINT NOT NULL
);
CREATE INDEX technician_positions_at ON technician_positions (at);
