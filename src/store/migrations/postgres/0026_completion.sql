-- Proof of service. A service's checklist (one item per line) is ticked off when a visit of
-- it is completed; the completion keeps what was ticked (the list as it was then), the
-- technician's notes, who signed for the customer (a typed name, and a drawn signature kept
-- as a file), and when. Photos of the finished work are files of the job.
ALTER TABLE services ADD COLUMN checklist TEXT;

CREATE TABLE visit_completions (
    job_id BIGINT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    -- JSON: [{"item": "Bathroom cleaned", "done": true}, …]
    checklist TEXT NOT NULL,
    notes TEXT,
    signed_name TEXT NOT NULL,
    -- The drawn signature's file token, when one was drawn.
    signature TEXT,
    completed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    completed_at BIGINT NOT NULL
);
