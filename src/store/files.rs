//! Rows of the files people send (see migration 0025); the bytes are in the file store.

use super::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FileRow {
    pub id: i64,
    pub token: String,
    pub account_id: i64,
    pub request_id: Option<i64>,
    pub job_id: Option<i64>,
    /// The location of the job or request it belongs to.
    pub location_id: i64,
    pub name: String,
    pub content_type: String,
    pub bytes: i64,
    pub width: i64,
    pub height: i64,
    pub created_at: i64,
}

const SELECT: &str = "SELECT f.id, f.token, f.account_id, f.request_id, f.job_id, \
     COALESCE((SELECT j.location_id FROM jobs j WHERE j.id = f.job_id), \
     (SELECT r.location_id FROM service_requests r WHERE r.id = f.request_id)) AS location_id, \
     f.name, f.content_type, f.bytes, f.width, f.height, f.created_at FROM files f";

pub struct NewFile<'a> {
    pub token: &'a str,
    pub account_id: i64,
    pub request_id: Option<i64>,
    pub job_id: Option<i64>,
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: i64,
    pub width: i64,
    pub height: i64,
    pub created_by: i64,
    pub created_at: i64,
}

pub async fn insert(conn: &mut Conn, f: &NewFile<'_>) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO files (token, account_id, request_id, job_id, name, content_type, bytes, \
         width, height, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(f.token)
    .bind(f.account_id)
    .bind(f.request_id)
    .bind(f.job_id)
    .bind(f.name)
    .bind(f.content_type)
    .bind(f.bytes)
    .bind(f.width)
    .bind(f.height)
    .bind(f.created_by)
    .bind(f.created_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn by_token(conn: &mut Conn, token: &str) -> Result<Option<FileRow>, StoreError> {
    let sql = format!("{SELECT} WHERE f.token = $1");
    Ok(sqlx::query_as(&sql)
        .bind(token)
        .fetch_optional(conn)
        .await?)
}

/// A request's files, in the order they were sent.
pub async fn of_request(conn: &mut Conn, request_id: i64) -> Result<Vec<FileRow>, StoreError> {
    let sql = format!("{SELECT} WHERE f.request_id = $1 ORDER BY f.id");
    Ok(sqlx::query_as(&sql)
        .bind(request_id)
        .fetch_all(conn)
        .await?)
}

/// Whether the technician `user_id` works (or worked) the job the file belongs to, or the
/// visit its request was scheduled as.
pub async fn technician_may_see(
    conn: &mut Conn,
    file: &FileRow,
    user_id: i64,
) -> Result<bool, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM jobs j WHERE j.technician_id = $1 AND (j.id = $2 OR j.id = \
         (SELECT r.visit_id FROM service_requests r WHERE r.id = $3))",
    )
    .bind(user_id)
    .bind(file.job_id)
    .bind(file.request_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// A job's files, in the order they were sent.
pub async fn of_job(conn: &mut Conn, job_id: i64) -> Result<Vec<FileRow>, StoreError> {
    let sql = format!("{SELECT} WHERE f.job_id = $1 ORDER BY f.id");
    Ok(sqlx::query_as(&sql).bind(job_id).fetch_all(conn).await?)
}
