-- The service catalogue: price (fixed, from, or a quote), whether customers book it
-- themselves, and its name and description per language (`services.name` stays the name
-- in the business's default language, unique, as the command line uses it).

ALTER TABLE services ADD COLUMN price_kind TEXT NOT NULL DEFAULT 'from'
    CHECK (price_kind IN ('fixed', 'from', 'quote'));
ALTER TABLE services ADD COLUMN price_minor BIGINT CHECK (price_minor IS NULL OR price_minor >= 0);
ALTER TABLE services ADD COLUMN self_bookable BIGINT NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;

CREATE TABLE service_texts (
    service_id BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, locale)
);
