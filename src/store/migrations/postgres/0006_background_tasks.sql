-- Background work (mail, reminders, recurring visits …) runs from this one table: a task
-- is written in the transaction of the change that causes it, claimed by a worker with a
-- lease (a worker that dies lets its lease run out and another takes the task over),
-- retried with growing pauses, and given up loudly after its last attempt.

CREATE TABLE background_tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    run_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL CHECK (max_attempts > 0),
    locked_by TEXT,
    locked_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);

CREATE INDEX background_tasks_due ON background_tasks (run_at, id) WHERE state = 'pending';
