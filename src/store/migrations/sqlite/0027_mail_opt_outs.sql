-- Mails a person turned off, by kind: the visit confirmed (booked), the technician on the
-- way, the visit completed, the day running late. Every kind without a row is mailed.
CREATE TABLE mail_opt_outs (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('booked', 'en_route', 'completed', 'slipped')),
    PRIMARY KEY (user_id, kind)
);
