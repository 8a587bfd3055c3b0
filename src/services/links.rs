//! Single-use links mailed to people: a random secret in the address, only its hash in the
//! database, used once before it expires. Verifying an email, resetting a password, signing
//! in without one and joining an account all go through here.

use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::store::audit::RequestOrigin;
use crate::store::auth_links::{self, LinkRow, NewLink, Purpose};
use crate::store::{Conn, Store, StoreError, users};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Bytes of randomness in a secret (43 characters in the address).
const SECRET_BYTES: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// No such link (or not one of ours at all).
    #[error("unknown link")]
    Unknown,
    #[error("the link was used already")]
    Used,
    #[error("the link has expired")]
    Expired,
    /// A sign-in link opened in another browser than the one that asked for it.
    #[error("the link belongs to another browser")]
    OtherBrowser,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The hash a secret is kept under.
pub fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fresh secret.
pub fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `raw` could be a secret of ours (checked before any lookup).
fn well_formed(raw: &str) -> bool {
    raw.len() == 43
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A new link for `user_id`, valid `ttl_secs` from `now`, replacing their unused ones of the
/// same purpose; returns its secret (for the address mailed).
pub async fn issue(
    conn: &mut Conn,
    purpose: Purpose,
    user_id: i64,
    now: i64,
    ttl_secs: i64,
    next_path: Option<&str>,
) -> Result<String, StoreError> {
    issue_bound(
        conn,
        Issue {
            purpose,
            user_id,
            now,
            ttl_secs,
            next_path,
            browser_hash: None,
            new_email: None,
        },
    )
    .await
}

/// What a link is issued with.
pub struct Issue<'a> {
    pub purpose: Purpose,
    pub user_id: i64,
    pub now: i64,
    pub ttl_secs: i64,
    pub next_path: Option<&'a str>,
    /// The hash of a secret the asking browser keeps (sign-in links work only there).
    pub browser_hash: Option<&'a str>,
    /// Email links: the address the person moves to.
    pub new_email: Option<&'a str>,
}

/// [`issue`], bound to a browser when `browser_hash` is given.
pub async fn issue_bound(conn: &mut Conn, link: Issue<'_>) -> Result<String, StoreError> {
    let Issue {
        purpose,
        user_id,
        now,
        ttl_secs,
        next_path,
        browser_hash,
        new_email,
    } = link;
    auth_links::retire(&mut *conn, user_id, purpose, now).await?;
    let secret = new_secret();
    auth_links::insert(
        conn,
        &NewLink {
            secret_hash: &hash(&secret),
            purpose,
            user_id,
            next_path,
            browser_hash,
            new_email,
            created_at: now,
            expires_at: now + ttl_secs,
        },
    )
    .await?;
    Ok(secret)
}

/// The link `secret` names, if it is still good to use (read only: see [`consume`]).
pub async fn peek(
    conn: &mut Conn,
    purpose: Purpose,
    secret: &str,
    now: i64,
) -> Result<LinkRow, LinkError> {
    if !well_formed(secret) {
        return Err(LinkError::Unknown);
    }
    let link = auth_links::find(conn, &hash(secret), purpose)
        .await?
        .ok_or(LinkError::Unknown)?;
    if link.used_at.is_some() {
        Err(LinkError::Used)
    } else if link.expires_at <= now {
        Err(LinkError::Expired)
    } else {
        Ok(link)
    }
}

/// Uses the link, in the transaction of what it does: start the transaction with this (a
/// write), so two requests with the same link cannot both get through.
pub async fn consume(conn: &mut Conn, link: &LinkRow, now: i64) -> Result<(), LinkError> {
    if auth_links::use_once(conn, link.id, now).await? {
        Ok(())
    } else {
        Err(LinkError::Used)
    }
}

/// Signs in the person of a link checked with [`peek`]: uses it, proves their email (the
/// mail reached them) and opens a session (closing `replacing`), in one transaction.
/// Returns the session and where the link was to take them.
pub async fn sign_in(
    store: &Store,
    policy: &SessionPolicy,
    link: LinkRow,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
    action: &str,
) -> Result<(SignedIn, Option<String>), LinkSignInError> {
    let now = clock::now();
    let person = {
        let mut conn = store.conn().await?;
        users::by_id(&mut conn, link.user_id)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => LinkError::Unknown,
                other => other.into(),
            })?
    };
    let mut tx = store.begin().await?;
    consume(&mut tx, &link, now).await?;
    users::mark_verified(&mut tx, person.id, now).await?;
    let signed_in = auth::open_session(&mut tx, policy, &person, origin, replacing, action).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok((signed_in, link.next_path))
}

/// A password chosen on a mailed link's page (a reset, an invitation), ready to be kept:
/// the link checked, the person found, the password hashed (outside any transaction).
pub struct ChosenPassword {
    link: LinkRow,
    pub person: users::UserRow,
    hash: crate::password::PasswordHash,
    pub now: i64,
}

/// Checks the link `secret` of `purpose` and hashes the `password` its person chose.
pub async fn choose_password(
    store: &Store,
    purpose: Purpose,
    secret: &str,
    password: crate::password::Password,
) -> Result<ChosenPassword, LinkSignInError> {
    let now = clock::now();
    let link = {
        let mut conn = store.conn().await?;
        peek(&mut conn, purpose, secret, now).await?
    };
    let hash = auth::hash_within_budget(password).await?;
    let person = {
        let mut conn = store.conn().await?;
        users::by_id(&mut conn, link.user_id).await?
    };
    Ok(ChosenPassword {
        link,
        person,
        hash,
        now,
    })
}

impl ChosenPassword {
    /// The first writes of the transaction that keeps it: the link used (so a second press
    /// changes nothing), the password set, the email proven (the mail reached them).
    pub async fn keep(&self, tx: &mut Conn) -> Result<(), LinkError> {
        consume(&mut *tx, &self.link, self.now).await?;
        users::set_password(&mut *tx, self.person.id, &self.hash).await?;
        users::mark_verified(tx, self.person.id, self.now).await?;
        Ok(())
    }
}

/// Why signing in by a link did not work.
#[derive(Debug, thiserror::Error)]
pub enum LinkSignInError {
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
}

impl From<StoreError> for LinkSignInError {
    fn from(e: StoreError) -> Self {
        Self::Link(LinkError::Store(e))
    }
}

/// The address a person opens: `base` (the portal's public origin) and `path`, with the
/// secret as `token`.
pub fn address(base: &str, path: &str, secret: &str) -> String {
    format!("{}{path}?token={secret}", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_well_formed_and_hashed() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert!(well_formed(&a));
        assert_eq!(hash(&a).len(), 64);
        assert_ne!(hash(&a), hash(&b));
        for bad in [
            "",
            "short",
            "../../etc/passwd",
            &"a".repeat(44),
            &format!("{}!", &a[..42]),
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
        assert_eq!(
            address("https://portal.example.com/", "/verify", "abc"),
            "https://portal.example.com/verify?token=abc"
        );
    }
}
