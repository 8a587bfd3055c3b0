-- The arrival window a visit was booked in, as the customer was promised it (the planned
-- start inside it is the technician's plan and may move). Empty for visits planned by the
-- office without one.

ALTER TABLE jobs ADD COLUMN window_start INTEGER;
ALTER TABLE jobs ADD COLUMN window_end INTEGER;
