//! In-app notifications: one row per person told, written in the transaction of the step.

use super::{Conn, StoreError};

/// Tells every person of the job's account (but `except`, who did it) that `kind`
/// happened to it.
pub async fn tell_account(
    conn: &mut Conn,
    job_id: i64,
    kind: &str,
    at: i64,
    except: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO notifications (user_id, job_id, kind, at) \
         SELECT m.user_id, j.id, $1, $2 FROM jobs j \
         JOIN memberships m ON m.account_id = j.account_id \
         WHERE j.id = $3 AND m.user_id <> $4",
    )
    .bind(kind)
    .bind(at)
    .bind(job_id)
    .bind(except.unwrap_or(0))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub job_id: i64,
    pub kind: String,
    pub at: i64,
    pub read_at: Option<i64>,
    pub service_name: String,
    pub window_start: Option<i64>,
    pub planned_start: i64,
}

/// A person's newest notifications, at most `limit`.
pub async fn newest(
    conn: &mut Conn,
    user_id: i64,
    limit: i64,
) -> Result<Vec<NotificationRow>, StoreError> {
    Ok(sqlx::query_as::<_, NotificationRow>(
        "SELECT n.id, n.job_id, n.kind, n.at, n.read_at, s.name AS service_name, \
         j.window_start, j.planned_start FROM notifications n \
         JOIN jobs j ON j.id = n.job_id JOIN services s ON s.id = j.service_id \
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks all of a person's notifications read; how many were unread.
pub async fn mark_read(conn: &mut Conn, user_id: i64, now: i64) -> Result<u64, StoreError> {
    let done =
        sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
            .bind(now)
            .bind(user_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected())
}
