//! What the dispatcher's board reads: a day's visits with where they are, and the plan days
//! the office still has to arrange.

use super::{Conn, StoreError};

/// A visit on the board: who, what, where, when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BoardJob {
    pub id: i64,
    pub technician_id: Option<i64>,
    pub status: String,
    pub planned_start: i64,
    pub planned_end: i64,
    pub window_start: Option<i64>,
    pub window_end: Option<i64>,
    pub service_id: i64,
    pub service_name: String,
    pub account_name: String,
    pub location_label: String,
    pub line1: String,
    pub city: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// Visits not cancelled that start in `[from, to)`, by technician then start.
pub async fn jobs_between(
    conn: &mut Conn,
    from: i64,
    to: i64,
) -> Result<Vec<BoardJob>, StoreError> {
    Ok(sqlx::query_as::<_, BoardJob>(
        "SELECT j.id, j.technician_id, j.status, j.planned_start, j.planned_end, j.window_start, \
         j.window_end, j.service_id, s.name AS service_name, a.name AS account_name, \
         l.label AS location_label, l.line1, l.city, l.latitude, l.longitude \
         FROM jobs j JOIN services s ON s.id = j.service_id \
         JOIN customer_accounts a ON a.id = j.account_id JOIN locations l ON l.id = j.location_id \
         WHERE j.status <> 'cancelled' AND j.planned_start >= $1 AND j.planned_start < $2 \
         ORDER BY j.technician_id, j.planned_start, j.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// A plan day whose preferred window did not fit, for the office to arrange.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FlaggedDay {
    pub plan_id: i64,
    pub day: String,
    pub account_name: String,
    pub service_name: String,
    pub window_start_min: i64,
}

/// Flagged days of running plans from `from_day` on, soonest first.
pub async fn flagged(
    conn: &mut Conn,
    from_day: &str,
    limit: i64,
) -> Result<Vec<FlaggedDay>, StoreError> {
    Ok(sqlx::query_as::<_, FlaggedDay>(
        "SELECT d.plan_id, d.day, a.name AS account_name, s.name AS service_name, \
         p.window_start_min FROM plan_days d JOIN plans p ON p.id = d.plan_id \
         JOIN customer_accounts a ON a.id = p.account_id JOIN services s ON s.id = p.service_id \
         WHERE d.state = 'misfit' AND d.day >= $1 AND p.status = 'active' \
         ORDER BY d.day, d.plan_id LIMIT $2",
    )
    .bind(from_day)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
