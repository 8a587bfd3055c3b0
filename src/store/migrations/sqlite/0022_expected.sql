-- What a waiting customer is told to expect now, as the technician's day goes (see
-- services::forecast): within the promised window, or past its end when the day runs late.
-- Empty until the technician's day has moved.
ALTER TABLE jobs ADD COLUMN expected_start INTEGER;
ALTER TABLE jobs ADD COLUMN expected_end INTEGER;
