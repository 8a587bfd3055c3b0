//! Visit completions (see migration 0026).

use super::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CompletionRow {
    pub checklist: String,
    pub notes: Option<String>,
    pub signed_name: String,
    pub signature: Option<String>,
    pub completed_at: i64,
}

pub struct NewCompletion<'a> {
    pub job_id: i64,
    /// JSON of the ticked checklist.
    pub checklist: &'a str,
    pub notes: Option<&'a str>,
    pub signed_name: &'a str,
    pub signature: Option<&'a str>,
    pub completed_by: i64,
    pub completed_at: i64,
}

pub async fn insert(conn: &mut Conn, c: &NewCompletion<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO visit_completions (job_id, checklist, notes, signed_name, signature, \
         completed_by, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.job_id)
    .bind(c.checklist)
    .bind(c.notes)
    .bind(c.signed_name)
    .bind(c.signature)
    .bind(c.completed_by)
    .bind(c.completed_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn of_job(conn: &mut Conn, job_id: i64) -> Result<Option<CompletionRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT checklist, notes, signed_name, signature, completed_at FROM visit_completions \
         WHERE job_id = $1",
    )
    .bind(job_id)
    .fetch_optional(conn)
    .await?)
}

/// A service's checklist, one item per line (empty: none).
pub async fn checklist_of_service(
    conn: &mut Conn,
    service_id: i64,
) -> Result<Vec<String>, StoreError> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT checklist FROM services WHERE id = $1")
            .bind(service_id)
            .fetch_optional(conn)
            .await?;
    Ok(row
        .and_then(|(c,)| c)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect())
}
