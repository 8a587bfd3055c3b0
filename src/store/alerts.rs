//! Alerts to admins (migration 0034): a burst of failed sign-ins, a staff sign-in from a
//! network not seen before.

use super::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AlertRow {
    pub id: i64,
    pub kind: String,
    pub at: i64,
    pub user_id: Option<i64>,
    pub person: Option<String>,
    pub client_ip: Option<String>,
    pub count: Option<i64>,
    pub seen_at: Option<i64>,
}

pub struct NewAlert<'a> {
    pub kind: &'a str,
    pub at: i64,
    pub user_id: Option<i64>,
    pub client_ip: Option<&'a str>,
    pub count: Option<i64>,
}

pub async fn insert(conn: &mut Conn, alert: &NewAlert<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO security_alerts (kind, at, user_id, client_ip, count) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(alert.kind)
    .bind(alert.at)
    .bind(alert.user_id)
    .bind(alert.client_ip)
    .bind(alert.count)
    .execute(conn)
    .await?;
    Ok(())
}

/// Raises `alert` unless one of its kind was raised since `since`, in one statement (the
/// first write of its transaction); whether it was raised.
pub async fn insert_unless_since(
    conn: &mut Conn,
    alert: &NewAlert<'_>,
    since: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO security_alerts (kind, at, user_id, client_ip, count) \
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS \
         (SELECT 1 FROM security_alerts WHERE kind = $1 AND at >= $6)",
    )
    .bind(alert.kind)
    .bind(alert.at)
    .bind(alert.user_id)
    .bind(alert.client_ip)
    .bind(alert.count)
    .bind(since)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The newest alerts, at most `limit`, with the name of the person each is about.
pub async fn newest(conn: &mut Conn, limit: i64) -> Result<Vec<AlertRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.kind, a.at, a.user_id, u.name AS person, a.client_ip, a.count, \
         a.seen_at FROM security_alerts a LEFT JOIN users u ON u.id = a.user_id \
         ORDER BY a.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks every alert seen.
pub async fn mark_seen(conn: &mut Conn, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("UPDATE security_alerts SET seen_at = $1 WHERE seen_at IS NULL")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// The client addresses the person acted from lately, signed in (newest first, at most
/// `limit` entries looked at). A right password waiting for its code, or a wrong code,
/// proves nothing of the network.
pub async fn addresses_of(
    conn: &mut Conn,
    actor: &str,
    limit: i64,
) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT client_ip FROM audit_log WHERE actor = $1 AND client_ip IS NOT NULL \
         AND action NOT IN ('second_step_asked', 'second_step_failed', 'passkey_sign_in_failed') \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(actor)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(|(ip,)| ip).collect())
}

/// Every active admin: id, email, name, chosen language.
pub async fn admins(
    conn: &mut Conn,
) -> Result<Vec<(i64, String, String, Option<String>)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.locale FROM staff_profiles sp \
         JOIN users u ON u.id = sp.user_id WHERE sp.role = 'admin' AND u.disabled = 0 \
         ORDER BY u.id",
    )
    .fetch_all(conn)
    .await?)
}
