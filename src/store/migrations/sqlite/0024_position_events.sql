-- A shared position's event only tells open pages to look again: once its position is past
-- keeping, the event goes too (see services::positions::sweep). This finds them without
-- reading the rest of the stream.
CREATE INDEX events_positions ON events (at) WHERE kind = 'position';
