//! Server-side sessions. The table holds a hash of each token, never the token.

use super::users::{USER_COLUMNS, USER_JOINS, UserRow};
use super::{Conn, StoreError};

pub async fn insert(
    conn: &mut Conn,
    id_hash: &str,
    user_id: i64,
    now: i64,
    expires_at: i64,
    user_agent: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(now)
    .bind(now)
    .bind(expires_at)
    .bind(user_agent)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionWithUser {
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// The person's unread notifications.
    pub unread: i64,
    #[sqlx(flatten)]
    pub user: UserRow,
}

/// A session and its user, if the user is still enabled: one query for every request.
pub async fn find_with_user(
    conn: &mut Conn,
    id_hash: &str,
) -> Result<Option<SessionWithUser>, StoreError> {
    let sql = format!(
        "SELECT s.created_at, s.last_seen_at, s.expires_at, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id \
         AND n.read_at IS NULL) AS unread, \
         {USER_COLUMNS} FROM sessions s \
         JOIN users u ON u.id = s.user_id {USER_JOINS} \
         WHERE s.id = $1 AND u.disabled = 0 ORDER BY m.account_id LIMIT 1"
    );
    Ok(sqlx::query_as::<_, SessionWithUser>(&sql)
        .bind(id_hash)
        .fetch_optional(conn)
        .await?)
}

/// Marks a session used and slides its expiry.
pub async fn touch(
    conn: &mut Conn,
    id_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3")
        .bind(now)
        .bind(expires_at)
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_expired(conn: &mut Conn, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Every stored session key (the hashes), for tests and the "where you are signed in" list.
pub async fn all_ids(conn: &mut Conn) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM sessions ORDER BY created_at, id")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Ends every session of the person but `keep` (a hash; `None`: every one). The number ended.
pub async fn delete_for_user(
    conn: &mut Conn,
    user_id: i64,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
