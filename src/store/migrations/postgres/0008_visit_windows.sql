-- The arrival window a visit was booked in, as the customer was promised it (the planned
-- start inside it is the technician's plan and may move). Empty for visits planned by the
-- office without one.

ALTER TABLE jobs ADD COLUMN window_start BIGINT;
ALTER TABLE jobs ADD COLUMN window_end BIGINT;
ALTER TABLE jobs ADD CONSTRAINT jobs_window_in_order
    CHECK (window_start IS NULL OR window_end IS NULL OR window_start < window_end);
