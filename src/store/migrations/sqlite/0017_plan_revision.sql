-- A plan's revision counts its changes (rule, window, pause, end). The generator reads it
-- with the plan and books a day only if it is unchanged inside the booking's transaction,
-- so a run that read the plan before a change cannot book a day at the old time.
ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
