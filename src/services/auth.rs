//! Signing in and out, and finding who a session cookie belongs to.

use crate::dto::SessionUser;
use crate::email::Email;
use crate::ids::{AccountRef, UserRef};
use crate::locale::Locale;
use crate::password::{self, Password, PasswordHash};
use crate::store::{self, Store, StoreError, audit, sessions, users};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::fmt;
use tracing::instrument;

/// A session lasts this long after its last use.
pub const SESSION_IDLE_SECS: i64 = 30 * 24 * 3600;
/// Last-use times are written at most this often, so that reading pages does not write.
const TOUCH_EVERY_SECS: i64 = 300;
/// However active, a session ends this long after sign-in: a stolen cookie cannot live on.
pub const SESSION_MAX_SECS: i64 = 90 * 24 * 3600;

/// A valid session's person, and whether its expiry just moved (the cookie should too).
#[derive(Debug, Clone)]
pub struct Resolved {
    pub user: SessionUser,
    pub refreshed: bool,
    /// The data version read with the session (see `Store::data_version`).
    pub data_version: i64,
}

/// The secret in the session cookie. Only its SHA-256 is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Takes a cookie's value; anything that cannot be one of ours is refused unread.
    pub fn from_cookie(raw: &str) -> Option<Self> {
        (raw.len() == 43
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then(|| Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    fn storage_key(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Unknown email or wrong password: deliberately one answer for both.
    #[error("the email or password is not right")]
    InvalidCredentials,
    #[error("the account has no role in this business")]
    NoRole,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("password check could not run: {0}")]
    Worker(String),
}

pub(crate) fn session_user(row: &users::UserRow) -> Option<SessionUser> {
    Some(SessionUser {
        user: UserRef::from_id(row.id),
        name: row.name.clone(),
        email: row.email.clone(),
        role: row.role()?,
        locale: row.locale.as_deref().and_then(|l| Locale::parse(l).ok()),
        account: row.account_id.map(AccountRef::from_id),
    })
}

/// Checks the credentials and opens a new session, closing `replacing` (the session id is
/// rotated at every sign-in, so a planted cookie never becomes a signed-in one).
#[instrument(skip_all, fields(email = %email), err(level = "info"))]
pub async fn sign_in(
    store: &Store,
    email: &Email,
    password: Password,
    user_agent: Option<&str>,
    replacing: Option<&SessionToken>,
) -> Result<(SessionToken, SessionUser), SignInError> {
    let mut conn = store.conn().await?;
    let found = users::credentials_by_email(&mut conn, email.as_str()).await?;
    drop(conn);
    let (user_id, hash) = match found {
        Some((id, hash)) => (Some(id), hash),
        None => (None, password::decoy_hash().clone()),
    };
    let ok = verify_blocking(password, hash).await?;
    let Some(user_id) = user_id.filter(|_| ok) else {
        return Err(SignInError::InvalidCredentials);
    };

    // Read before the transaction: on SQLite a transaction that reads first and writes later
    // fails at once if another write committed in between; one that starts by writing waits.
    let row = {
        let mut conn = store.conn().await?;
        users::by_id(&mut conn, user_id).await?
    };
    let user = session_user(&row).ok_or(SignInError::NoRole)?;
    let now = store::now();
    let token = SessionToken::generate();
    let mut tx = store.begin().await?;
    if let Some(old) = replacing {
        sessions::delete(&mut tx, &old.storage_key()).await?;
    }
    let agent = user_agent.map(|a| a.chars().take(200).collect::<String>());
    sessions::insert(
        &mut tx,
        &token.storage_key(),
        user_id,
        now,
        now + SESSION_IDLE_SECS,
        agent.as_deref(),
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        Some(user_id),
        "sign_in",
        Some(&user.user.to_string()),
        None,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok((token, user))
}

/// Password checks running at once: each takes 19 MiB and a core for tens of milliseconds,
/// so a flood of sign-ins queues here instead of exhausting memory.
static VERIFICATIONS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

async fn verify_blocking(password: Password, hash: PasswordHash) -> Result<bool, SignInError> {
    let _permit = VERIFICATIONS
        .acquire()
        .await
        .map_err(|e| SignInError::Worker(e.to_string()))?;
    tokio::task::spawn_blocking(move || password::verify(&password, &hash))
        .await
        .map_err(|e| SignInError::Worker(e.to_string()))
}

/// The person a session cookie belongs to, or `None` for an unknown or expired session.
pub async fn resolve(store: &Store, token: &SessionToken) -> Result<Option<Resolved>, StoreError> {
    let key = token.storage_key();
    // Every request makes this read: on a kept connection (see `Store::read`).
    store
        .read(move |conn| {
            Box::pin(async move {
                // One query: the session and its (enabled) user with their role.
                let Some(session) = sessions::find_with_user(conn, &key).await? else {
                    return Ok(None);
                };
                let now = store::now();
                if session.expires_at <= now || now - session.created_at >= SESSION_MAX_SECS {
                    sessions::delete(conn, &key).await?;
                    return Ok(None);
                }
                let refreshed = now - session.last_seen_at >= TOUCH_EVERY_SECS;
                if refreshed {
                    let expires =
                        (now + SESSION_IDLE_SECS).min(session.created_at + SESSION_MAX_SECS);
                    sessions::touch(conn, &key, now, expires).await?;
                }
                Ok(session_user(&session.user).map(|user| Resolved {
                    user,
                    refreshed,
                    data_version: session.data_version,
                }))
            })
        })
        .await
}

#[instrument(skip_all, err)]
pub async fn sign_out(
    store: &Store,
    token: &SessionToken,
    user: Option<&SessionUser>,
) -> Result<(), StoreError> {
    let now = store::now();
    let mut tx = store.begin().await?;
    sessions::delete(&mut tx, &token.storage_key()).await?;
    if let Some(user) = user {
        audit::record(
            &mut tx,
            now,
            Some(user.user.id()),
            "sign_out",
            Some(&user.user.to_string()),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Removes sessions past their expiry; run now and then by a background task.
pub async fn purge_expired(store: &Store) -> Result<u64, StoreError> {
    let mut conn = store.conn().await?;
    sessions::delete_expired(&mut conn, store::now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_ours_parse() {
        let a = SessionToken::generate();
        let b = SessionToken::generate();
        assert_ne!(a, b);
        assert_eq!(SessionToken::from_cookie(a.expose()), Some(a.clone()));
        assert_eq!(SessionToken::from_cookie("short"), None);
        assert_eq!(SessionToken::from_cookie(&"é".repeat(43)), None);
        assert_eq!(a.storage_key().len(), 64);
        assert_ne!(a.storage_key(), a.expose());
        assert_eq!(format!("{a:?}"), "SessionToken(…)");
    }
}
