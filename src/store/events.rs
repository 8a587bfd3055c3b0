//! The events table: what others must see, in commit order (`seq`), written in the
//! transaction of the change it reports, read by the live stream.

use super::{Conn, StoreError};

/// An event as the live stream reads it: who it is for and what happened, never the step's
/// detail (a cancellation's reason stays in the table, not in the stream's memory).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EventRow {
    pub seq: i64,
    pub at: i64,
    pub kind: String,
    pub job_id: Option<i64>,
    pub account_id: Option<i64>,
    pub technician_id: Option<i64>,
    /// The location of the event's job; `None` for events about the whole account.
    pub location_id: Option<i64>,
}

/// Whose events a reader gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A customer: the events of their account.
    Account(i64),
    /// A technician: the events of their own jobs.
    Technician(i64),
    /// The office: every event.
    Everyone,
}

impl Audience {
    /// Whether `event` is for this reader.
    pub fn sees(self, event: &EventRow) -> bool {
        match self {
            Self::Account(id) => event.account_id == Some(id),
            Self::Technician(id) => event.technician_id == Some(id),
            Self::Everyone => true,
        }
    }
}

/// An event about a job, for its account, its technician and the office (the job's account
/// and technician as they are now, inside the writing transaction).
pub async fn append_for_job(
    conn: &mut Conn,
    job_id: i64,
    kind: &str,
    at: i64,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO events (at, kind, job_id, account_id, technician_id, location_id, detail) \
         SELECT $1, $2, j.id, j.account_id, j.technician_id, j.location_id, $3 FROM jobs j \
         WHERE j.id = $4",
    )
    .bind(at)
    .bind(kind)
    .bind(detail)
    .bind(job_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// What the people of an account may see changed (`access_changed`: the owner changed who
/// sees which location). Live streams re-read their person's rights on it; it is never
/// sent on to a browser.
pub const ACCESS_CHANGED: &str = "access_changed";

/// An event about the whole account.
pub async fn append_for_account(
    conn: &mut Conn,
    account_id: i64,
    kind: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO events (at, kind, account_id, detail) VALUES ($1, $2, $3, '{}')")
        .bind(at)
        .bind(kind)
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

const SELECT: &str = "SELECT seq, at, kind, job_id, account_id, technician_id, location_id \
     FROM events WHERE seq > $1";

/// Up to `limit` committed events after `seq` for `audience`, in order.
pub async fn after(
    conn: &mut Conn,
    audience: Audience,
    seq: i64,
    limit: i64,
) -> Result<Vec<EventRow>, StoreError> {
    let (sql, id) = match audience {
        Audience::Account(id) => (format!("{SELECT} AND account_id = $2"), Some(id)),
        Audience::Technician(id) => (format!("{SELECT} AND technician_id = $2"), Some(id)),
        Audience::Everyone => (SELECT.to_string(), None),
    };
    let limit_at = if id.is_some() { "$3" } else { "$2" };
    let sql = format!("{sql} ORDER BY seq LIMIT {limit_at}");
    let mut query = sqlx::query_as::<_, EventRow>(&sql).bind(seq);
    if let Some(id) = id {
        query = query.bind(id);
    }
    Ok(query.bind(limit).fetch_all(conn).await?)
}

/// The last committed event's `seq` (0 for none).
pub async fn latest(conn: &mut Conn) -> Result<i64, StoreError> {
    let (seq,): (Option<i64>,) = sqlx::query_as("SELECT MAX(seq) FROM events")
        .fetch_one(conn)
        .await?;
    Ok(seq.unwrap_or(0))
}

/// How many events of `kind` the job has had.
pub async fn count_for_job(conn: &mut Conn, job_id: i64, kind: &str) -> Result<i64, StoreError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM events WHERE job_id = $1 AND kind = $2")
            .bind(job_id)
            .bind(kind)
            .fetch_one(conn)
            .await?;
    Ok(n)
}
