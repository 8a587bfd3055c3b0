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
    // Only the people who see the job's location: a member without rights there hears
    // nothing of it.
    let sql = format!(
        "INSERT INTO notifications (user_id, job_id, kind, at) \
         SELECT m.user_id, j.id, $1, $2 FROM jobs j \
         JOIN memberships m ON m.account_id = j.account_id \
         WHERE j.id = $3 AND m.user_id <> $4 AND {}",
        super::rights::sees("j.location_id")
    );
    sqlx::query(&sql)
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

/// The kinds of mail `user_id` turned off.
pub async fn opted_out(conn: &mut Conn, user_id: i64) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT kind FROM mail_opt_outs WHERE user_id = $1 ORDER BY kind")
            .bind(user_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(k,)| k).collect())
}

/// Replaces the kinds of mail `user_id` turned off.
pub async fn set_opted_out(
    conn: &mut Conn,
    user_id: i64,
    kinds: &[&str],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM mail_opt_outs WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for kind in kinds {
        sqlx::query("INSERT INTO mail_opt_outs (user_id, kind) VALUES ($1, $2)")
            .bind(user_id)
            .bind(*kind)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Whether the person with this address (if any) wants mail of `kind`.
pub async fn wants_mail(conn: &mut Conn, email: &str, kind: &str) -> Result<bool, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mail_opt_outs o JOIN users u ON u.id = o.user_id \
         WHERE u.email = $1 AND o.kind = $2",
    )
    .bind(email)
    .bind(kind)
    .fetch_one(conn)
    .await?;
    Ok(n == 0)
}

/// Someone a mail about a visit goes to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MailRecipient {
    pub name: String,
    pub email: String,
    pub locale: Option<String>,
}

/// The people of the job's account, but `except`, who want mail of `kind`.
pub async fn mail_recipients(
    conn: &mut Conn,
    job_id: i64,
    kind: &str,
    except: Option<i64>,
) -> Result<Vec<MailRecipient>, StoreError> {
    let sql = format!(
        "SELECT u.name, u.email, u.locale FROM jobs j \
         JOIN memberships m ON m.account_id = j.account_id \
         JOIN users u ON u.id = m.user_id \
         WHERE j.id = $1 AND u.id <> $2 AND u.disabled = 0 AND {} AND NOT EXISTS \
         (SELECT 1 FROM mail_opt_outs o WHERE o.user_id = u.id AND o.kind = $3) \
         ORDER BY u.id",
        super::rights::sees("j.location_id")
    );
    Ok(sqlx::query_as(&sql)
        .bind(job_id)
        .bind(except.unwrap_or(0))
        .bind(kind)
        .fetch_all(conn)
        .await?)
}
