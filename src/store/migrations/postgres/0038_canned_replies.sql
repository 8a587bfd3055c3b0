-- Replies the office writes once and uses often, each in one language: the office picks
-- from those in the customer's language.
CREATE TABLE canned_replies (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX canned_replies_locale ON canned_replies (locale, title);
