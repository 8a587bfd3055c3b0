//! The background task table: enqueue (in the caller's transaction), claim with a lease,
//! and record how an attempt ended. Only the worker holding a task's lease can record its
//! end, so a worker that lost its lease (it was too slow, another took over) changes nothing.

use super::{Conn, Engine, StoreError};

/// A task to write: what to do (`kind`, a name a handler answers to), with what (`payload`,
/// usually JSON), from when, and how many attempts it gets.
#[derive(Clone, Debug)]
pub struct NewTask<'a> {
    pub kind: &'a str,
    pub payload: &'a str,
    pub run_at: i64,
    pub max_attempts: i64,
}

/// Writes a task; call it inside the transaction of the change that causes it.
pub async fn enqueue(conn: &mut Conn, task: &NewTask<'_>, now: i64) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO background_tasks (kind, payload, run_at, max_attempts, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(task.kind)
    .bind(task.payload)
    .bind(task.run_at)
    .bind(task.max_attempts.max(1))
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A claimed task; `attempts` already counts this attempt.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ClaimedTask {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

/// Takes the task due first (pending, due, with no live lease) for `worker` until
/// `lease_until`, in one statement: two workers never hold the same task.
pub async fn claim(
    conn: &mut Conn,
    engine: Engine,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> Result<Option<ClaimedTask>, StoreError> {
    // PostgreSQL: skip rows another worker is claiming right now instead of waiting.
    let skip_locked = match engine {
        Engine::Postgres => " FOR UPDATE SKIP LOCKED",
        Engine::Sqlite => "",
    };
    let sql = format!(
        "UPDATE background_tasks SET attempts = attempts + 1, locked_by = $1, \
         locked_until = $2 \
         WHERE id = (SELECT id FROM background_tasks WHERE state = 'pending' \
         AND run_at <= $3 AND (locked_until IS NULL OR locked_until <= $3) \
         ORDER BY run_at, id LIMIT 1{skip_locked}) \
         RETURNING id, kind, payload, attempts, max_attempts"
    );
    Ok(sqlx::query_as::<_, ClaimedTask>(&sql)
        .bind(worker)
        .bind(lease_until)
        .bind(now)
        .fetch_optional(conn)
        .await?)
}

/// How an attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending<'a> {
    Done,
    /// Try again at this time.
    Retry {
        at: i64,
        error: &'a str,
    },
    /// No more attempts.
    Failed {
        error: &'a str,
    },
}

/// Records the end of `worker`'s attempt at task `id`; `false` when the worker no longer
/// held the task (its lease ran out and another worker took it), and nothing changed.
pub async fn finish(
    conn: &mut Conn,
    id: i64,
    worker: &str,
    ending: &Ending<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    let (state, run_at, error, finished_at) = match ending {
        Ending::Done => ("done", None, None, Some(now)),
        Ending::Retry { at, error } => ("pending", Some(*at), Some(*error), None),
        Ending::Failed { error } => ("failed", None, Some(*error), Some(now)),
    };
    let done = sqlx::query(
        "UPDATE background_tasks SET state = $1, run_at = COALESCE($2, run_at), \
         last_error = COALESCE($3, last_error), finished_at = $4, \
         locked_by = NULL, locked_until = NULL \
         WHERE id = $5 AND locked_by = $6 AND state = 'pending'",
    )
    .bind(state)
    .bind(run_at)
    .bind(error.map(|e| e.chars().take(2000).collect::<String>()))
    .bind(finished_at)
    .bind(id)
    .bind(worker)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A task as stored, for tests and the office's view of what is waiting or failed.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TaskRow {
    pub id: i64,
    pub kind: String,
    pub state: String,
    pub run_at: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub finished_at: Option<i64>,
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<TaskRow, StoreError> {
    Ok(sqlx::query_as::<_, TaskRow>(
        "SELECT id, kind, state, run_at, attempts, last_error, finished_at \
         FROM background_tasks WHERE id = $1",
    )
    .bind(id)
    .fetch_one(conn)
    .await?)
}

/// Pending tasks of `kind`; with `after`, only those due later than it.
pub async fn pending_of_kind(
    conn: &mut Conn,
    kind: &str,
    after: Option<i64>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM background_tasks WHERE kind = $1 AND state = 'pending' AND run_at > $2",
    )
    .bind(kind)
    .bind(after.unwrap_or(i64::MIN))
    .fetch_one(conn)
    .await?)
}
