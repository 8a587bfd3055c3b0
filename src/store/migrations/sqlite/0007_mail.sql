-- Outgoing mail. A message is written in the transaction of the change that causes it,
-- with a background task to send it; it is rendered when sent (in the recipient's
-- language, with the business's current name and colours). `sent_at` is set once the
-- SMTP server accepted it (or it was written to a file): a message with it set is never
-- sent again.

CREATE TABLE mail_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address TEXT NOT NULL,
    to_name TEXT,
    locale TEXT NOT NULL,
    template TEXT NOT NULL,
    -- The template's arguments, a JSON object of strings.
    args TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    -- Where it went: the SMTP server's answer, or the file it was written to.
    delivery TEXT
);
