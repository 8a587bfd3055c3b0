//! Two-step sign-in (migration 0031): authenticator secrets, recovery codes, and sign-ins
//! waiting for their code.

use super::{Conn, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SecretRow {
    /// Sealed with the data key.
    pub secret: String,
    pub confirmed_at: Option<i64>,
    pub last_step: Option<i64>,
}

pub async fn secret(conn: &mut Conn, user_id: i64) -> Result<Option<SecretRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT secret, confirmed_at, last_step FROM totp_secrets WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?)
}

/// Whether the person signs in in two steps.
pub async fn is_on(conn: &mut Conn, user_id: i64) -> Result<bool, StoreError> {
    Ok(secret(conn, user_id)
        .await?
        .is_some_and(|s| s.confirmed_at.is_some()))
}

/// A new secret still to be confirmed, replacing an unconfirmed one.
pub async fn start(
    conn: &mut Conn,
    user_id: i64,
    sealed: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM totp_secrets WHERE user_id = $1 AND confirmed_at IS NULL")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO totp_secrets (user_id, secret, created_at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(sealed)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn confirm(conn: &mut Conn, user_id: i64, step: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE totp_secrets SET confirmed_at = $1, last_step = $2 \
         WHERE user_id = $3 AND confirmed_at IS NULL",
    )
    .bind(now)
    .bind(step)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps the step of an accepted code, if it is later than the one kept; `false` when a
/// code of this step (or a later one) was accepted meanwhile.
pub async fn use_step(conn: &mut Conn, user_id: i64, step: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE totp_secrets SET last_step = $1 \
         WHERE user_id = $2 AND (last_step IS NULL OR last_step < $1)",
    )
    .bind(step)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn turn_off(conn: &mut Conn, user_id: i64) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM totp_secrets WHERE user_id = $1",
        "DELETE FROM recovery_codes WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Replaces the person's recovery codes with these hashes.
pub async fn replace_codes(
    conn: &mut Conn,
    user_id: i64,
    hashes: &[String],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user_id)
            .bind(hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Uses one unused recovery code with this hash; `false` when there is none.
pub async fn use_code(
    conn: &mut Conn,
    user_id: i64,
    hash: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE id = \
         (SELECT id FROM recovery_codes WHERE user_id = $2 AND code_hash = $3 \
          AND used_at IS NULL ORDER BY id LIMIT 1)",
    )
    .bind(now)
    .bind(user_id)
    .bind(hash)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn codes_left(conn: &mut Conn, user_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChallengeRow {
    pub id: i64,
    pub user_id: i64,
    pub expires_at: i64,
    pub tries: i64,
    pub used_at: Option<i64>,
}

pub async fn add_challenge(
    conn: &mut Conn,
    secret_hash: &str,
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sign_in_challenges (secret_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(secret_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn challenge(
    conn: &mut Conn,
    secret_hash: &str,
) -> Result<Option<ChallengeRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, expires_at, tries, used_at FROM sign_in_challenges \
         WHERE secret_hash = $1",
    )
    .bind(secret_hash)
    .fetch_optional(conn)
    .await?)
}

pub async fn count_try(conn: &mut Conn, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sign_in_challenges SET tries = tries + 1 WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Uses the challenge once; `false` when it was used meanwhile.
/// Uses a waiting sign-in if it is still live (unused, in time, tries left).
pub async fn use_live_challenge(
    conn: &mut Conn,
    id: i64,
    now: i64,
    tries: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE sign_in_challenges SET used_at = $1 \
         WHERE id = $2 AND used_at IS NULL AND expires_at > $1 AND tries < $3",
    )
    .bind(now)
    .bind(id)
    .bind(tries)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn use_challenge(conn: &mut Conn, id: i64, now: i64) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE sign_in_challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
