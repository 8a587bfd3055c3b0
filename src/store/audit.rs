//! The audit log (who did what, for people) and the outbox (what happened, for machines).
//! Both are written in the transaction of the change they describe.

use super::{Conn, StoreError};

pub async fn record(
    conn: &mut Conn,
    at: i64,
    actor_user_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    detail: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(at)
    .bind(actor_user_id)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// Queues an event for the dispatcher to fan out after commit.
pub async fn enqueue(
    conn: &mut Conn,
    at: i64,
    topic: &str,
    payload: &str,
) -> Result<i64, StoreError> {
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO outbox (at, topic, payload) VALUES ($1, $2, $3) RETURNING id")
            .bind(at)
            .bind(topic)
            .bind(payload)
            .fetch_one(conn)
            .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub subject: Option<String>,
}

/// The latest entries, newest first.
pub async fn latest(conn: &mut Conn, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    Ok(sqlx::query_as::<_, AuditRow>(
        "SELECT id, at, actor_user_id, action, subject FROM audit_log ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub topic: String,
    pub payload: String,
}

pub async fn unpublished(conn: &mut Conn, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(sqlx::query_as::<_, OutboxRow>(
        "SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
