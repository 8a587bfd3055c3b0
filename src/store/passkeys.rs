//! Passkeys (migration 0036): the public keys people sign in with, and ceremonies waiting
//! for the browser's answer.

use super::{Conn, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: i64,
    pub user_id: i64,
    pub user_handle: String,
    pub name: String,
    /// The credential as webauthn-rs serialises it.
    pub passkey: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

const COLUMNS: &str = "id, user_id, user_handle, name, passkey, created_at, last_used_at";

/// A person's passkeys, oldest first.
pub async fn for_user(conn: &mut Conn, user_id: i64) -> Result<Vec<PasskeyRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY created_at, id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await?)
}

/// The passkey with this credential id, if it was handed out with `user_handle` (the
/// device's answer names both; they must agree).
pub async fn by_credential(
    conn: &mut Conn,
    credential_id: &str,
    user_handle: &str,
) -> Result<Option<PasskeyRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM passkeys WHERE credential_id = $1 AND user_handle = $2"
    ))
    .bind(credential_id)
    .bind(user_handle)
    .fetch_optional(conn)
    .await?)
}

pub struct NewPasskey<'a> {
    pub user_id: i64,
    pub credential_id: &'a str,
    pub user_handle: &'a str,
    pub name: &'a str,
    pub passkey: &'a str,
    pub now: i64,
}

/// Adds a passkey; [`StoreError::Conflict`] when its credential is registered already.
pub async fn insert(conn: &mut Conn, new: &NewPasskey<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO passkeys (user_id, credential_id, user_handle, name, passkey, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new.user_id)
    .bind(new.credential_id)
    .bind(new.user_handle)
    .bind(new.name)
    .bind(new.passkey)
    .bind(new.now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a sign-in with the passkey, and its credential as it now stands (the device's
/// counter moves at every use); `false` when the passkey is not as it was read (used at the
/// same moment elsewhere, or removed): the sign-in must not count.
pub async fn used(
    conn: &mut Conn,
    id: i64,
    read: &str,
    updated: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE passkeys SET last_used_at = $1, passkey = COALESCE($2, passkey) \
         WHERE id = $3 AND passkey = $4",
    )
    .bind(now)
    .bind(updated)
    .bind(id)
    .bind(read)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many passkeys a person has.
pub async fn count(conn: &mut Conn, user_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await?;
    Ok(n)
}

/// Removes every passkey of a person.
pub async fn delete_for_user(conn: &mut Conn, user_id: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Removes one of a person's passkeys; `false` when they have none with this id.
pub async fn delete(conn: &mut Conn, user_id: i64, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Keeps a ceremony's state until the browser answers.
pub async fn add_ceremony(
    conn: &mut Conn,
    secret_hash: &str,
    user_id: Option<i64>,
    state: &str,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO passkey_ceremonies (secret_hash, user_id, state, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(secret_hash)
    .bind(user_id)
    .bind(state)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes a ceremony (it works once): its person and state, if it is there and not past its
/// time.
pub async fn take_ceremony(
    conn: &mut Conn,
    secret_hash: &str,
    now: i64,
) -> Result<Option<(Option<i64>, String)>, StoreError> {
    let row: Option<(Option<i64>, String, i64)> = sqlx::query_as(
        "DELETE FROM passkey_ceremonies WHERE secret_hash = $1 \
         RETURNING user_id, state, expires_at",
    )
    .bind(secret_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row
        .filter(|(_, _, expires_at)| *expires_at > now)
        .map(|(user, state, _)| (user, state)))
}

/// Forgets ceremonies nobody finished.
pub async fn delete_expired_ceremonies(conn: &mut Conn, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
