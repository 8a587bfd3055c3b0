-- A customer too close to a visit to move or cancel it online asks the office instead: that
-- message is a request of kind 'change' naming its visit, listed with the others on the
-- office's pages and the board.
ALTER TABLE service_requests DROP CONSTRAINT service_requests_kind_check;
ALTER TABLE service_requests
    ADD CONSTRAINT service_requests_kind_check CHECK (kind IN ('quote', 'callback', 'change'));
ALTER TABLE service_requests ADD COLUMN visit_id BIGINT REFERENCES jobs (id) ON DELETE CASCADE;
ALTER TABLE service_requests
    ADD CONSTRAINT service_requests_visit_check CHECK ((kind = 'change') = (visit_id IS NOT NULL));
CREATE INDEX service_requests_visit ON service_requests (visit_id) WHERE visit_id IS NOT NULL;
