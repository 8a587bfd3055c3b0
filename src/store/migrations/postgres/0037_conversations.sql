-- Conversations. Every job has one thread (made with its first message), and every customer
-- account one support thread with the office (`job_id` empty). Members of a job's thread
-- are the account's people who see the job's location, its technician while assigned, and
-- the office; of a support thread, the account's people and the office.
CREATE TABLE threads (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES customer_accounts (id) ON DELETE CASCADE,
    job_id BIGINT UNIQUE REFERENCES jobs (id) ON DELETE CASCADE,
    -- The job's location; empty for the support thread (the whole account sees it).
    location_id BIGINT REFERENCES locations (id) ON DELETE CASCADE,
    -- Who is to answer next: 'office', 'technician' (a job's, on the way or on site),
    -- 'customer', or 'none'.
    waiting_on TEXT NOT NULL DEFAULT 'none'
        CHECK (waiting_on IN ('office', 'technician', 'customer', 'none')),
    -- The office person who took it (the inbox's "mine").
    assigned_to BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The customer's first message, and the first answer to it (the time to first answer).
    first_asked_at BIGINT,
    first_answered_at BIGINT,
    last_message_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX threads_support ON threads (account_id) WHERE job_id IS NULL;
CREATE INDEX threads_account ON threads (account_id);
CREATE INDEX threads_waiting ON threads (waiting_on, last_message_at);

-- A thread's messages: plain text, never HTML. `client_key` is the idempotency key the
-- sender's form carries: the same key twice is the same message.
CREATE TABLE messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The author's side when they wrote it: 'customer', 'technician' or 'office'.
    side TEXT NOT NULL CHECK (side IN ('customer', 'technician', 'office')),
    body TEXT NOT NULL,
    client_key TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (author_id, client_key)
);
CREATE INDEX messages_thread ON messages (thread_id, id);

-- How far each person has read a thread, and when.
CREATE TABLE thread_reads (
    thread_id BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_read BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);

-- Photos sent with a message: re-encoded like every photo (the bytes are in the file store
-- under `photos/<token>.jpg`), served only to the thread's members.
CREATE TABLE message_files (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX message_files_message ON message_files (message_id);
