//! Single-use links mailed to people (migration 0029): only the hash of each secret is kept.

use super::{Conn, StoreError};

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Proves a new person's email.
    Verify,
    /// Sets a new password.
    Reset,
    /// Signs in without a password.
    SignIn,
    /// Joins a customer account.
    Invite,
    /// Moves the person to a new email (the link went to it).
    Email,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Reset => "reset",
            Self::SignIn => "sign_in",
            Self::Invite => "invite",
            Self::Email => "email",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkRow {
    pub id: i64,
    pub user_id: i64,
    pub next_path: Option<String>,
    pub browser_hash: Option<String>,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    /// Email links: the address the person moves to.
    pub new_email: Option<String>,
}

pub struct NewLink<'a> {
    pub secret_hash: &'a str,
    pub purpose: Purpose,
    pub user_id: i64,
    pub next_path: Option<&'a str>,
    pub browser_hash: Option<&'a str>,
    pub new_email: Option<&'a str>,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn insert(conn: &mut Conn, link: &NewLink<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO auth_links (secret_hash, purpose, user_id, next_path, browser_hash, \
         created_at, expires_at, new_email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(link.secret_hash)
    .bind(link.purpose.as_str())
    .bind(link.user_id)
    .bind(link.next_path)
    .bind(link.browser_hash)
    .bind(link.created_at)
    .bind(link.expires_at)
    .bind(link.new_email)
    .fetch_one(conn)
    .await?)
}

/// The link of that secret and purpose, used or not, expired or not.
pub async fn find(
    conn: &mut Conn,
    secret_hash: &str,
    purpose: Purpose,
) -> Result<Option<LinkRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, next_path, browser_hash, expires_at, used_at, new_email \
         FROM auth_links \
         WHERE secret_hash = $1 AND purpose = $2",
    )
    .bind(secret_hash)
    .bind(purpose.as_str())
    .fetch_optional(conn)
    .await?)
}

/// Marks the link used; false when it was used already (by a request that got there first).
pub async fn use_once(conn: &mut Conn, id: i64, now: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE auth_links SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Retires every unused link of the person for `purpose` (a new one replaces them).
pub async fn retire(
    conn: &mut Conn,
    user_id: i64,
    purpose: Purpose,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE auth_links SET used_at = $1 WHERE user_id = $2 AND purpose = $3 \
         AND used_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(purpose.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// How many links of `purpose` the person was sent since `since` (to limit resending).
pub async fn sent_since(
    conn: &mut Conn,
    user_id: i64,
    purpose: Purpose,
    since: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_links WHERE user_id = $1 AND purpose = $2 AND created_at >= $3",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(since)
    .fetch_one(conn)
    .await?)
}

/// Deletes links that expired before `before` (kept a while for the trail's sake).
pub async fn delete_expired(conn: &mut Conn, before: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM auth_links WHERE expires_at < $1")
        .bind(before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Where the person's latest link of `purpose` was to take them.
pub async fn latest_next(
    conn: &mut Conn,
    user_id: i64,
    purpose: Purpose,
) -> Result<Option<String>, StoreError> {
    let next: Option<Option<String>> = sqlx::query_scalar(
        "SELECT next_path FROM auth_links WHERE user_id = $1 AND purpose = $2 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(next.flatten())
}
