//! Calendar feeds: who a feed's secret belongs to, and each person's active feed.

use super::{Conn, StoreError};

/// Adds a feed for `user_id` with the secret's hash.
pub async fn insert(
    conn: &mut Conn,
    user_id: i64,
    token_hash: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(token_hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every active feed of `user_id`; how many there were.
pub async fn revoke_all(conn: &mut Conn, user_id: i64, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// When `user_id`'s active feed was made, if they have one.
pub async fn active_since(conn: &mut Conn, user_id: i64) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.0))
}

/// The enabled person an active feed belongs to.
pub async fn owner(conn: &mut Conn, token_hash: &str) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id \
         WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.disabled = 0",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.0))
}
