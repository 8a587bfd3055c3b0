-- How long before a visit's window a customer may still move or cancel it themselves
-- (staff may always); later, they are shown how to ask the office.

ALTER TABLE scheduling_rules ADD COLUMN reschedule_notice_min INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE scheduling_rules ADD COLUMN cancel_notice_min INTEGER NOT NULL DEFAULT 1440;
