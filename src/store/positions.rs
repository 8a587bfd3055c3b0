//! Where technicians on the way are: the last position each job's phone shared, kept only
//! while the job is on the way (see migration 0021).

use super::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PositionRow {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: Option<f64>,
    pub at: i64,
}

/// A shared position, replacing the job's last one.
pub struct Fix {
    pub job_id: i64,
    pub technician_id: i64,
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: Option<f64>,
    pub at: i64,
}

/// False (and nothing saved) when the job is not on the way with this technician.
pub async fn save(conn: &mut Conn, fix: &Fix) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO technician_positions \
         (job_id, technician_id, latitude, longitude, accuracy_m, at) \
         SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM jobs WHERE id = $1 \
         AND technician_id = $2 AND status = 'en_route' AND arrived_at IS NULL) \
         ON CONFLICT (job_id) DO UPDATE SET technician_id = excluded.technician_id, \
         latitude = excluded.latitude, longitude = excluded.longitude, \
         accuracy_m = excluded.accuracy_m, at = excluded.at",
    )
    .bind(fix.job_id)
    .bind(fix.technician_id)
    .bind(fix.latitude)
    .bind(fix.longitude)
    .bind(fix.accuracy_m)
    .bind(fix.at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The job's last position, if the phone of its technician (the one it has now) shared one.
pub async fn of_job(conn: &mut Conn, job_id: i64) -> Result<Option<PositionRow>, StoreError> {
    Ok(sqlx::query_as::<_, PositionRow>(
        "SELECT p.latitude, p.longitude, p.accuracy_m, p.at FROM technician_positions p \
         JOIN jobs j ON j.id = p.job_id AND j.technician_id = p.technician_id \
         WHERE p.job_id = $1",
    )
    .bind(job_id)
    .fetch_optional(conn)
    .await?)
}

/// Deletes the job's position (it arrived, started, finished or was cancelled).
pub async fn forget(conn: &mut Conn, job_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM technician_positions WHERE job_id = $1")
        .bind(job_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes positions taken before `before`, and those of jobs no longer on the way.
pub async fn sweep(conn: &mut Conn, before: i64) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM technician_positions WHERE at < $1 OR job_id NOT IN \
         (SELECT id FROM jobs WHERE status = 'en_route' AND arrived_at IS NULL)",
    )
    .bind(before)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Deletes the events of positions taken before `before`: they only told open pages to
/// look again, and the positions they announced are gone.
pub async fn sweep_events(conn: &mut Conn, before: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM events WHERE kind = 'position' AND at < $1")
        .bind(before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
