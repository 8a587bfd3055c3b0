//! Requests to the office: written by customers, listed and marked handled by the office.

use super::rights::Reach;
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
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub handled_at: Option<i64>,
    /// The visit a change request is about; the visit a problem was scheduled as.
    pub visit_id: Option<i64>,
    pub category: Option<String>,
    pub priority: Option<String>,
    pub preferred_days: Option<String>,
    pub response_hours: Option<i64>,
}

const SELECT: &str = "SELECT r.id, r.account_id, a.name AS account_name, r.location_id, \
     l.label AS location_label, l.line1, l.postal_code, l.city, r.service_id, r.kind, r.status, \
     r.notes, r.phone, u.name AS requested_by, r.created_by, r.created_at, r.handled_at, r.visit_id, \
     r.category, r.priority, r.preferred_days, r.response_hours \
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
    /// Only for a problem: category, priority, preferred days, response time shown.
    pub problem: Option<NewProblem<'a>>,
}

pub struct NewProblem<'a> {
    pub category: &'a str,
    pub priority: &'a str,
    pub preferred_days: &'a str,
    pub response_hours: i64,
}

pub async fn insert(conn: &mut Conn, r: &NewRequest<'_>) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO service_requests (account_id, location_id, service_id, kind, notes, phone, \
         created_by, created_at, visit_id, category, priority, preferred_days, response_hours) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
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
    .bind(r.problem.as_ref().map(|p| p.category))
    .bind(r.problem.as_ref().map(|p| p.priority))
    .bind(r.problem.as_ref().map(|p| p.preferred_days))
    .bind(r.problem.as_ref().map(|p| p.response_hours))
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<RequestRow>, StoreError> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Requests someone has still to answer (the office, or the customer a question), oldest
/// first: the office answers in order.
pub async fn open(conn: &mut Conn, limit: i64) -> Result<Vec<RequestRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE r.status IN ('open', 'waiting') ORDER BY r.created_at, r.id LIMIT $1"
    );
    Ok(sqlx::query_as(&sql).bind(limit).fetch_all(conn).await?)
}

/// An account's requests, newest first.
pub async fn of_account(
    conn: &mut Conn,
    reach: Reach,
    limit: i64,
) -> Result<Vec<RequestRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY r.created_at DESC, r.id DESC LIMIT $3",
        Reach::condition("r.account_id", "r.location_id", 1)
    );
    Ok(sqlx::query_as(&sql)
        .bind(reach.account_id)
        .bind(reach.member)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// How many of an account's requests are still open.
pub async fn open_count(conn: &mut Conn, account_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM service_requests WHERE account_id = $1 \
         AND status IN ('open', 'waiting')",
    )
    .bind(account_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// A request's move to `to` (`handled`, `waiting`, `declined`, `scheduled`, or back to
/// `open` when the customer answers), only from `from`; `false` when it was elsewhere. The
/// office's moves say who and when; a scheduled request names its visit.
pub struct Move<'a> {
    pub id: i64,
    pub from: &'a [&'a str],
    pub to: &'a str,
    pub by: i64,
    pub at: i64,
    pub visit_id: Option<i64>,
}

pub async fn move_to(conn: &mut Conn, m: &Move<'_>) -> Result<bool, StoreError> {
    let from = m
        .from
        .iter()
        .map(|s| format!("'{}'", s.replace('\'', "")))
        .collect::<Vec<_>>()
        .join(", ");
    let closes = matches!(m.to, "handled" | "declined" | "scheduled");
    let sql = format!(
        "UPDATE service_requests SET status = $1, \
         handled_by = CASE WHEN $2 THEN $3 ELSE handled_by END, \
         handled_at = CASE WHEN $2 THEN $4 ELSE handled_at END, \
         visit_id = COALESCE($5, visit_id) WHERE id = $6 AND status IN ({from})"
    );
    let done = sqlx::query(&sql)
        .bind(m.to)
        .bind(closes)
        .bind(m.by)
        .bind(m.at)
        .bind(m.visit_id)
        .bind(m.id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A step on a request's timeline.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StepRow {
    pub kind: String,
    pub body: Option<String>,
    pub actor: Option<String>,
    /// 1 when the actor works for the business (the office) rather than the customer.
    pub staff: i64,
    pub at: i64,
}

pub async fn add_step(
    conn: &mut Conn,
    request_id: i64,
    kind: &str,
    body: Option<&str>,
    actor_id: i64,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO request_steps (request_id, kind, body, actor_id, at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(request_id)
    .bind(kind)
    .bind(body)
    .bind(actor_id)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// A request's timeline, oldest first.
pub async fn steps(conn: &mut Conn, request_id: i64) -> Result<Vec<StepRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.kind, s.body, u.name AS actor, CAST(CASE WHEN EXISTS (SELECT 1 FROM \
         staff_profiles sp WHERE sp.user_id = s.actor_id) THEN 1 ELSE 0 END AS BIGINT) AS staff, \
         s.at \
         FROM request_steps s LEFT JOIN users u ON u.id = s.actor_id \
         WHERE s.request_id = $1 ORDER BY s.id",
    )
    .bind(request_id)
    .fetch_all(conn)
    .await?)
}

/// The business's response time per priority, in hours.
pub async fn response_times(conn: &mut Conn) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT priority, hours FROM response_times ORDER BY hours DESC")
            .fetch_all(conn)
            .await?,
    )
}

/// Sets one priority's response time.
pub async fn set_response_time(
    conn: &mut Conn,
    priority: &str,
    hours: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO response_times (priority, hours) VALUES ($1, $2) \
         ON CONFLICT (priority) DO UPDATE SET hours = excluded.hours",
    )
    .bind(priority)
    .bind(hours)
    .execute(conn)
    .await?;
    Ok(())
}
