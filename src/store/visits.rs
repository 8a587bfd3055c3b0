//! Visits as people follow them: one visit with its place, service and technician, an
//! account's visits in time order, and each visit's timeline.

use super::rights::Reach;
use super::{Conn, StoreError};

/// A visit with what its page shows. Times are UTC seconds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VisitRow {
    pub id: i64,
    pub account_id: i64,
    pub location_id: i64,
    pub location_label: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub access_notes: Option<String>,
    pub service_id: i64,
    pub service_name: String,
    pub technician_id: Option<i64>,
    pub technician_name: Option<String>,
    pub status: String,
    pub planned_start: i64,
    pub planned_end: i64,
    pub window_start: Option<i64>,
    pub window_end: Option<i64>,
    pub notes: Option<String>,
    pub booked_by: Option<i64>,
    pub created_at: i64,
    /// When the technician got there, while the job is on the way.
    pub arrived_at: Option<i64>,
    pub account_name: String,
    /// The place's position, when it has one.
    pub location_lat: Option<f64>,
    pub location_lng: Option<f64>,
    /// The window expected now, once the technician's day has moved.
    pub expected_start: Option<i64>,
    pub expected_end: Option<i64>,
}

const VISIT_SELECT: &str = "SELECT j.id, j.account_id, j.location_id, l.label AS location_label, \
     l.line1, l.line2, l.postal_code, l.city, l.access_notes, j.service_id, \
     s.name AS service_name, j.technician_id, u.name AS technician_name, j.status, \
     j.planned_start, j.planned_end, j.window_start, j.window_end, j.notes, j.booked_by, j.created_at, \
     j.arrived_at, a.name AS account_name, l.latitude AS location_lat, l.longitude AS location_lng, \
     j.expected_start, j.expected_end \
     FROM jobs j JOIN locations l ON l.id = j.location_id JOIN services s ON s.id = j.service_id \
     JOIN customer_accounts a ON a.id = j.account_id \
     LEFT JOIN users u ON u.id = j.technician_id";

/// One visit by its id.
pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<VisitRow>, StoreError> {
    let sql = format!("{VISIT_SELECT} WHERE j.id = $1");
    Ok(sqlx::query_as::<_, VisitRow>(&sql)
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// An account's visits that end at or after `from` (UTC seconds), soonest first, at most
/// `limit`; cancelled ones only when `with_cancelled`.
pub async fn upcoming_for_account(
    conn: &mut Conn,
    reach: Reach,
    from: i64,
    limit: i64,
    with_cancelled: bool,
) -> Result<Vec<VisitRow>, StoreError> {
    let cancelled = if with_cancelled {
        ""
    } else {
        " AND j.status <> 'cancelled'"
    };
    let sql = format!(
        "{VISIT_SELECT} WHERE {} AND j.planned_end >= $3{cancelled} \
         ORDER BY j.planned_start, j.id LIMIT $4",
        Reach::condition("j.account_id", "j.location_id", 1)
    );
    Ok(sqlx::query_as::<_, VisitRow>(&sql)
        .bind(reach.account_id)
        .bind(reach.member)
        .bind(from)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// A technician's jobs that end at or after `from`, soonest first, at most `limit`.
pub async fn upcoming_for_technician(
    conn: &mut Conn,
    technician_id: i64,
    from: i64,
    limit: i64,
) -> Result<Vec<VisitRow>, StoreError> {
    let sql = format!(
        "{VISIT_SELECT} WHERE j.technician_id = $1 AND j.planned_end >= $2 \
         ORDER BY j.planned_start, j.id LIMIT $3"
    );
    Ok(sqlx::query_as::<_, VisitRow>(&sql)
        .bind(technician_id)
        .bind(from)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// One step of a visit's timeline.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TimelineRow {
    pub at: i64,
    pub actor: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_is_staff: Option<i64>,
    pub kind: String,
    pub detail: String,
}

/// A technician's jobs planned to start in `[from, to)` (a day), in order, cancelled ones
/// left out.
pub async fn day_of_technician(
    conn: &mut Conn,
    technician_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<VisitRow>, StoreError> {
    let sql = format!(
        "{VISIT_SELECT} WHERE j.technician_id = $1 AND j.planned_start >= $2 \
         AND j.planned_start < $3 AND j.status <> 'cancelled' ORDER BY j.planned_start, j.id"
    );
    Ok(sqlx::query_as::<_, VisitRow>(&sql)
        .bind(technician_id)
        .bind(from)
        .bind(to)
        .fetch_all(conn)
        .await?)
}

/// Moves a job one step on the day (`on_my_way`, `arrived`, `start`, `complete`) if it is
/// where that step starts from; whether it moved. Starting marks an arrival not marked.
pub async fn take_step(
    conn: &mut Conn,
    job_id: i64,
    step: &str,
    at: i64,
) -> Result<bool, StoreError> {
    // (sql, whether it takes the time as $2)
    let (sql, timed) = match step {
        "on_my_way" => (
            "UPDATE jobs SET status = 'en_route' WHERE id = $1 \
             AND status IN ('scheduled', 'assigned')",
            false,
        ),
        "arrived" => (
            "UPDATE jobs SET arrived_at = $2 WHERE id = $1 AND status = 'en_route' \
             AND arrived_at IS NULL",
            true,
        ),
        "start" => (
            "UPDATE jobs SET status = 'in_progress', arrived_at = COALESCE(arrived_at, $2) \
             WHERE id = $1 AND status = 'en_route'",
            true,
        ),
        "complete" => (
            "UPDATE jobs SET status = 'completed' WHERE id = $1 AND status = 'in_progress'",
            false,
        ),
        _ => return Ok(false),
    };
    let mut query = sqlx::query(sql).bind(job_id);
    if timed {
        query = query.bind(at);
    }
    let done = query.execute(&mut *conn).await?;
    let moved = done.rows_affected() == 1;
    // Past "on my way", nobody is told where the technician is: the position goes with
    // the step.
    if moved && step != "on_my_way" {
        super::positions::forget(conn, job_id).await?;
    }
    Ok(moved)
}

/// Sets the window the customer is told to expect now.
pub async fn set_expected(
    conn: &mut Conn,
    id: i64,
    start: i64,
    end: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE jobs SET expected_start = $1, expected_end = $2 WHERE id = $3")
        .bind(start)
        .bind(end)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends a step to a visit's timeline; `detail` is JSON.
pub async fn add_timeline(
    conn: &mut Conn,
    job_id: i64,
    at: i64,
    actor: Option<i64>,
    kind: &str,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO job_timeline (job_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(job_id)
    .bind(at)
    .bind(actor)
    .bind(kind)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    // Every step of a visit is news for the people following it live.
    super::events::append_for_job(conn, job_id, kind, at, detail).await
}

/// A visit's timeline, oldest first, with each actor's name and whether they are staff.
pub async fn timeline(conn: &mut Conn, job_id: i64) -> Result<Vec<TimelineRow>, StoreError> {
    Ok(sqlx::query_as::<_, TimelineRow>(
        "SELECT t.at, t.actor, u.name AS actor_name, \
         CASE WHEN t.actor IS NULL THEN NULL \
              WHEN EXISTS (SELECT 1 FROM staff_profiles s WHERE s.user_id = t.actor) THEN 1 ELSE 0 END \
              AS actor_is_staff, \
         t.kind, t.detail FROM job_timeline t LEFT JOIN users u ON u.id = t.actor \
         WHERE t.job_id = $1 ORDER BY t.id",
    )
    .bind(job_id)
    .fetch_all(conn)
    .await?)
}

/// The statuses in which a visit may still be moved or cancelled.
pub const OPEN_STATUSES: &str = "('requested', 'scheduled', 'assigned', 'on_hold')";

/// Moves an open visit to `technician` at `planned` inside the promised `window`; false
/// when the visit is no longer open.
pub async fn move_to(
    conn: &mut Conn,
    id: i64,
    technician: i64,
    planned: (i64, i64),
    window: (i64, i64),
) -> Result<bool, StoreError> {
    let sql = format!(
        "UPDATE jobs SET technician_id = $1, planned_start = $2, planned_end = $3, \
         window_start = $4, window_end = $5 WHERE id = $6 AND status IN {OPEN_STATUSES}"
    );
    let done = sqlx::query(&sql)
        .bind(technician)
        .bind(planned.0)
        .bind(planned.1)
        .bind(window.0)
        .bind(window.1)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Cancels an open visit; false when it is no longer open.
pub async fn cancel(conn: &mut Conn, id: i64) -> Result<bool, StoreError> {
    let sql =
        format!("UPDATE jobs SET status = 'cancelled' WHERE id = $1 AND status IN {OPEN_STATUSES}");
    let done = sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    let cancelled = done.rows_affected() == 1;
    if cancelled {
        super::positions::forget(conn, id).await?;
    }
    Ok(cancelled)
}

/// Records that the open visit `id` was reminded of its window starting `window`; false
/// when its window is another now, it is closed, or it was reminded of this one already.
pub async fn mark_reminded(conn: &mut Conn, id: i64, window: i64) -> Result<bool, StoreError> {
    let sql = format!(
        "UPDATE jobs SET reminded_for = $1 WHERE id = $2 AND window_start = $1 \
         AND status IN {OPEN_STATUSES} AND (reminded_for IS NULL OR reminded_for <> $1)"
    );
    let done = sqlx::query(&sql)
        .bind(window)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
