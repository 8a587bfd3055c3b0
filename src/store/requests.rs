//! Requests to the office: written by customers, listed and marked handled by the office.

use super::{Conn, StoreError};

/// A request with what the office and the customer read about it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub location_id: i64,
    pub location_label: String,
    pub line1: String,
    pub postal_code: String,
    pub city: String,
    pub service_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub notes: Option<String>,
    pub phone: Option<String>,
    pub requested_by: Option<String>,
    pub created_at: i64,
    pub handled_at: Option<i64>,
    /// The visit a change request is about.
    pub visit_id: Option<i64>,
}

const SELECT: &str = "SELECT r.id, r.account_id, a.name AS account_name, r.location_id, \
     l.label AS location_label, l.line1, l.postal_code, l.city, r.service_id, r.kind, r.status, \
     r.notes, r.phone, u.name AS requested_by, r.created_at, r.handled_at, r.visit_id \
     FROM service_requests r \
     JOIN customer_accounts a ON a.id = r.account_id \
     JOIN locations l ON l.id = r.location_id \
     LEFT JOIN users u ON u.id = r.created_by";

pub struct NewRequest<'a> {
    pub account_id: i64,
    pub location_id: i64,
    pub service_id: Option<i64>,
    pub kind: &'a str,
    pub notes: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub created_by: i64,
    pub created_at: i64,
    /// Only for a change request, which names its visit.
    pub visit_id: Option<i64>,
}

pub async fn insert(conn: &mut Conn, r: &NewRequest<'_>) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO service_requests (account_id, location_id, service_id, kind, notes, phone, \
         created_by, created_at, visit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         RETURNING id",
    )
    .bind(r.account_id)
    .bind(r.location_id)
    .bind(r.service_id)
    .bind(r.kind)
    .bind(r.notes)
    .bind(r.phone)
    .bind(r.created_by)
    .bind(r.created_at)
    .bind(r.visit_id)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<RequestRow>, StoreError> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Open requests, oldest first: the office answers in order.
pub async fn open(conn: &mut Conn, limit: i64) -> Result<Vec<RequestRow>, StoreError> {
    let sql = format!("{SELECT} WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT $1");
    Ok(sqlx::query_as(&sql).bind(limit).fetch_all(conn).await?)
}

/// An account's requests, newest first.
pub async fn of_account(
    conn: &mut Conn,
    account_id: i64,
    limit: i64,
) -> Result<Vec<RequestRow>, StoreError> {
    let sql =
        format!("{SELECT} WHERE r.account_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT $2");
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// How many of an account's requests are still open.
pub async fn open_count(conn: &mut Conn, account_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM service_requests WHERE account_id = $1 AND status = 'open'",
    )
    .bind(account_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// Marks an open request handled; `false` when it was not open.
pub async fn mark_handled(conn: &mut Conn, id: i64, by: i64, at: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE service_requests SET status = 'handled', handled_by = $1, handled_at = $2 \
         WHERE id = $3 AND status = 'open'",
    )
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
