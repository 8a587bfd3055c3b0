-- Reminder mail before a visit: how many hours before its window (0: none), and, per
-- visit, the window a reminder was sent for (so a reminder is sent once per window, and
-- a visit moved since gets one for its new window).

ALTER TABLE scheduling_rules ADD COLUMN reminder_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE jobs ADD COLUMN reminded_for INTEGER;
