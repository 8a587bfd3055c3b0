//! Server-side sessions. The table holds a hash of each token, never the token.

use super::users::{USER_COLUMNS, USER_JOINS, UserRow};
use super::{Conn, StoreError};

/// A session to open: its key (the token's hash), whose, until when, and from where.
pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: i64,
    pub now: i64,
    pub expires_at: i64,
    pub user_agent: Option<&'a str>,
    pub client_ip: Option<&'a str>,
}

pub async fn insert(conn: &mut Conn, session: &NewSession<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, \
         client_ip) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(session.id_hash)
    .bind(session.user_id)
    .bind(session.now)
    .bind(session.now)
    .bind(session.expires_at)
    .bind(session.user_agent)
    .bind(session.client_ip)
    .execute(conn)
    .await?;
    Ok(())
}

/// One of a person's sessions, as their list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnSession {
    pub id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: Option<String>,
    pub client_ip: Option<String>,
}

/// The person's sessions that have not expired, most recently used first.
pub async fn of_user(
    conn: &mut Conn,
    user_id: i64,
    now: i64,
) -> Result<Vec<OwnSession>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, created_at, last_seen_at, user_agent, client_ip FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, id",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionWithUser {
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// The person's unread notifications.
    pub unread: i64,
    /// The person's unread messages (see [`UNREAD_MESSAGES`]).
    pub unread_messages: i64,
    #[sqlx(flatten)]
    pub user: UserRow,
}

/// Messages by others after the person's last read, in their threads: a customer's
/// account's (a member's only where they see the job's place), a technician's jobs', and for
/// the office the threads waiting on the office that are theirs or nobody's. Each branch
/// runs only for its kind of person, from its own index.
const UNREAD_MESSAGES: &str = "CASE \
     WHEN m.account_id IS NOT NULL THEN (SELECT COUNT(*) FROM threads t \
         JOIN messages msg ON msg.thread_id = t.id \
         WHERE t.account_id = m.account_id \
         AND (m.role = 'owner' OR t.location_id IS NULL OR t.location_id IN \
             (SELECT lr.location_id FROM location_rights lr WHERE lr.user_id = u.id)) \
         AND COALESCE(msg.author_id, 0) <> u.id \
         AND msg.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = t.id AND r.user_id = u.id), 0)) \
     WHEN sp.role = 'technician' THEN (SELECT COUNT(*) FROM jobs j \
         JOIN threads t ON t.job_id = j.id JOIN messages msg ON msg.thread_id = t.id \
         WHERE j.technician_id = u.id AND j.status NOT IN ('completed', 'cancelled') \
         AND COALESCE(msg.author_id, 0) <> u.id \
         AND msg.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = t.id AND r.user_id = u.id), 0)) \
     WHEN sp.role IS NOT NULL THEN (SELECT COUNT(*) FROM threads t \
         JOIN messages msg ON msg.thread_id = t.id \
         WHERE t.waiting_on = 'office' AND (t.assigned_to IS NULL OR t.assigned_to = u.id) \
         AND COALESCE(msg.author_id, 0) <> u.id \
         AND msg.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = t.id AND r.user_id = u.id), 0)) \
     ELSE 0 END";

/// A session and its user, if the user is still enabled: one query for every request.
pub async fn find_with_user(
    conn: &mut Conn,
    id_hash: &str,
) -> Result<Option<SessionWithUser>, StoreError> {
    let sql = format!(
        "SELECT s.created_at, s.last_seen_at, s.expires_at, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id \
         AND n.read_at IS NULL) AS unread, \
         {UNREAD_MESSAGES} AS unread_messages, \
         {USER_COLUMNS} FROM sessions s \
         JOIN users u ON u.id = s.user_id {USER_JOINS} \
         WHERE s.id = $1 AND u.disabled = 0 ORDER BY m.account_id LIMIT 1"
    );
    Ok(sqlx::query_as::<_, SessionWithUser>(&sql)
        .bind(id_hash)
        .fetch_optional(conn)
        .await?)
}

/// Marks a session used and slides its expiry.
pub async fn touch(
    conn: &mut Conn,
    id_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3")
        .bind(now)
        .bind(expires_at)
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_expired(conn: &mut Conn, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Every stored session key (the hashes), for tests and the "where you are signed in" list.
pub async fn all_ids(conn: &mut Conn) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM sessions ORDER BY created_at, id")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Ends every session of the person but `keep` (a hash; `None`: every one). The number ended.
pub async fn delete_for_user(
    conn: &mut Conn,
    user_id: i64,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Ends the person's session whose key starts with `handle`; whether there was one.
pub async fn delete_own(conn: &mut Conn, user_id: i64, handle: &str) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND substr(id, 1, 16) = $2")
        .bind(user_id)
        .bind(handle)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// When a session was signed in (`None` for an unknown one).
pub async fn signed_in_at(conn: &mut Conn, id_hash: &str) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT created_at FROM sessions WHERE id = $1")
        .bind(id_hash)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(at,)| at))
}
