-- What customers are shown of the technician coming to them, beside the first name: their
-- trade ("Heating engineer") and a photo, both set by the office. The photo is kept in the
-- file store like any other (re-encoded, with a thumbnail) under `photo_token`.
CREATE TABLE technician_cards (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    trade TEXT,
    photo_token TEXT UNIQUE,
    photo_width BIGINT,
    photo_height BIGINT,
    updated_at BIGINT NOT NULL
);
