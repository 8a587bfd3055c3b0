//! Signing in and out, and finding who a session cookie belongs to.
//!
//! Password checks share a fixed budget of hashing slots: a sign-in that cannot get one
//! within [`HASHING_WAIT`] is refused as [`SignInError::Busy`] rather than queued, so a
//! flood of guesses never delays the people signing in beyond that.

use crate::dto::SessionUser;
use crate::email::Email;
use crate::ids::{AccountRef, UserRef};
use crate::locale::Locale;
use crate::password::{self, Password, PasswordHash};
use crate::permissions::Role;
use crate::services::clock;
use crate::store::audit::{self, RequestOrigin};
use crate::store::{Conn, Store, StoreError, rights, sessions, users};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tracing::instrument;

/// Staff sessions (technicians, dispatchers, admins) end this long after sign-in, however
/// active (ASVS 3.3.2 for level 2).
pub const STAFF_SESSION_MAX_SECS: i64 = 12 * 3600;
/// Last-use times are written at most this often, so that reading pages does not write.
const TOUCH_EVERY_SECS: i64 = 300;

/// How long customer sessions live; staff sessions never outlive [`STAFF_SESSION_MAX_SECS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    /// A customer's session ends this long after its last use.
    pub customer_idle_secs: i64,
    /// However active, a customer's session ends this long after sign-in.
    pub customer_max_secs: i64,
    /// Staff must sign in in two steps: until they set it up, they can do nothing else.
    pub staff_two_step: bool,
    /// Passkeys work here (the public URL names a host): only then does one count as the
    /// second step (else staff with only a passkey could never finish a sign-in).
    pub passkeys: bool,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            customer_idle_secs: 30 * 24 * 3600,
            customer_max_secs: 90 * 24 * 3600,
            staff_two_step: false,
            passkeys: false,
        }
    }
}

/// How long after signing in a person may change how they sign in without typing their
/// password again.
pub const FRESH_SECS: i64 = 15 * 60;

/// Whether `session` was signed in within [`FRESH_SECS`].
pub async fn is_fresh(store: &Store, session: &SessionToken) -> Result<bool, StoreError> {
    let mut conn = store.conn().await?;
    let at = sessions::signed_in_at(&mut conn, &session.storage_key()).await?;
    Ok(at.is_some_and(|at| clock::now() - at <= FRESH_SECS))
}

/// The action of a sign-in finished with its second step (no further step is asked).
pub const TWO_STEP_ACTION: &str = "two_step";
/// The action of a sign-in with a passkey: the device proved both who holds it and (by its
/// PIN or biometrics) that it is them, so no further step is asked.
pub const PASSKEY_ACTION: &str = "passkey_sign_in";

impl SessionPolicy {
    /// Whether this person must set up two-step sign-in before anything else.
    pub fn must_enrol(&self, user: &SessionUser, row: &users::UserRow) -> bool {
        self.must_two_step(user.role) && row.two_step == 0 && (row.passkeys == 0 || !self.passkeys)
    }

    /// Whether people of this role must sign in in two steps.
    pub fn must_two_step(&self, role: Role) -> bool {
        self.staff_two_step && role.is_staff()
    }

    /// The longest a session of this role lives after sign-in.
    pub fn max_secs(&self, role: Role) -> i64 {
        if role.is_staff() {
            STAFF_SESSION_MAX_SECS.min(self.customer_max_secs)
        } else {
            self.customer_max_secs
        }
    }

    /// How long a session of this role lives after its last use.
    pub fn idle_secs(&self, role: Role) -> i64 {
        self.customer_idle_secs.min(self.max_secs(role))
    }

    /// When a session signed in at `created_at` and last used `now` ends.
    fn expiry(&self, role: Role, created_at: i64, now: i64) -> i64 {
        (now + self.idle_secs(role)).min(created_at + self.max_secs(role))
    }
}

/// A valid session's person, and whether its expiry just moved (the cookie should too).
#[derive(Debug, Clone)]
pub struct Resolved {
    pub user: SessionUser,
    /// Seconds the browser should keep the cookie from now, when it should be re-sent.
    pub refreshed: Option<i64>,
}

/// The secret in the session cookie. Only its SHA-256 is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    pub(crate) fn generate() -> Self {
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

    pub(crate) fn storage_key(&self) -> String {
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
    /// The password was right, but the person has not proven their email yet.
    #[error("the email is not verified yet")]
    NotVerified,
    /// Every password-hashing slot stayed taken for [`HASHING_WAIT`].
    #[error("too many sign-ins at once; no password check could start")]
    Busy,
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
        unread: 0,
        unread_messages: 0,
        places: None,
        must_enrol: false,
    })
}

/// Reads a member's rights into their session person (owners and staff have none to read).
pub(crate) async fn load_places(conn: &mut Conn, user: &mut SessionUser) -> Result<(), StoreError> {
    if user.role == Role::AccountMember {
        user.places = Some(rights::of_user(conn, user.user.id()).await?);
    }
    Ok(())
}

/// A new session: its token and how long the browser should keep the cookie. For a person
/// who signs in in two steps, no session yet: `second_step` is set and `token` is the secret
/// of the sign-in waiting for their code (kept in its own short-lived cookie).
#[derive(Debug)]
pub struct SignedIn {
    pub token: SessionToken,
    pub user: SessionUser,
    pub cookie_max_age: i64,
    pub second_step: bool,
}

/// How long a sign-in waits for its code.
pub const SECOND_STEP_SECS: i64 = 300;

/// Checks the credentials and opens a new session, closing `replacing` (the session id is
/// rotated at every sign-in, so a planted cookie never becomes a signed-in one). Every
/// outcome is audited with where the request came from.
#[instrument(skip_all, fields(email = %email))]
pub async fn sign_in(
    store: &Store,
    policy: &SessionPolicy,
    email: &Email,
    password: Password,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
) -> Result<SignedIn, SignInError> {
    let found = {
        let mut conn = store.conn().await?;
        users::credentials_by_email(&mut conn, email.as_str()).await?
    };
    let (user_id, hash) = match found {
        Some((id, hash)) => (Some(id), hash),
        None => (None, password::decoy_hash().clone()),
    };
    let ok = match verify_within_budget(password, hash).await {
        Ok(ok) => ok,
        Err(SignInError::Busy) => {
            record_refusal(store, email, "sign_in_busy", origin).await?;
            return Err(SignInError::Busy);
        }
        Err(other) => return Err(other),
    };
    let Some(user_id) = user_id.filter(|_| ok) else {
        record_refusal(store, email, "sign_in_failed", origin).await?;
        return Err(SignInError::InvalidCredentials);
    };

    // Read before the transaction: on SQLite a transaction that reads first and writes later
    // fails at once if another write committed in between; one that starts by writing waits.
    let row = {
        let mut conn = store.conn().await?;
        users::by_id(&mut conn, user_id).await?
    };
    if row.email_verified_at.is_none() {
        record_refusal(store, email, "sign_in_unverified", origin).await?;
        return Err(SignInError::NotVerified);
    }
    let mut tx = store.begin().await?;
    let signed_in = open_session(&mut tx, policy, &row, origin, replacing, "sign_in").await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(signed_in)
}

/// Opens a session for `row` in the caller's transaction (closing `replacing`: the session
/// id changes at every sign-in, so a planted cookie never becomes a signed-in one), audited
/// as `action`.
pub(crate) async fn open_session(
    tx: &mut crate::store::Conn,
    policy: &SessionPolicy,
    row: &users::UserRow,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
    action: &str,
) -> Result<SignedIn, SignInError> {
    let mut user = session_user(row).ok_or(SignInError::NoRole)?;
    let now = clock::now();
    let token = SessionToken::generate();
    let second_factor = action == TWO_STEP_ACTION || action == PASSKEY_ACTION;
    // An app's code follows the password whenever it is on. A passkey is a way in of its
    // own; it follows the password only for staff whom the business requires two steps of
    // (else a passkey would stand for the second step once and the password alone pass
    // after). Customers with only a passkey keep the password as their way back in.
    let asks = row.two_step > 0
        || (row.passkeys > 0 && policy.passkeys && policy.must_two_step(user.role));
    if asks && !second_factor {
        // Right so far; the code comes next, on its own page.
        crate::store::two_step::add_challenge(
            &mut *tx,
            &token.storage_key(),
            row.id,
            now,
            now + SECOND_STEP_SECS,
        )
        .await?;
        record_own(tx, now, &user, "second_step_asked", origin).await?;
        return Ok(SignedIn {
            token,
            user,
            cookie_max_age: SECOND_STEP_SECS,
            second_step: true,
        });
    }
    // Writes first: on SQLite a transaction that reads first and writes later fails at once
    // if another write committed in between; one that starts by writing waits its turn.
    if let Some(old) = replacing {
        sessions::delete(&mut *tx, &old.storage_key()).await?;
    }
    let agent = origin
        .user_agent
        .as_deref()
        .map(|a| a.chars().take(200).collect::<String>());
    sessions::insert(
        &mut *tx,
        &sessions::NewSession {
            id_hash: &token.storage_key(),
            user_id: row.id,
            now,
            expires_at: policy.expiry(user.role, now, now),
            user_agent: agent.as_deref(),
            client_ip: origin.client_ip.as_deref(),
        },
    )
    .await?;
    load_places(&mut *tx, &mut user).await?;
    user.must_enrol = policy.must_enrol(&user, row);
    if user.role.is_staff() {
        crate::services::alerts::on_staff_sign_in(
            &mut *tx,
            row.id,
            &user.user.to_string(),
            &row.name,
            origin.client_ip.as_deref(),
            now,
        )
        .await?;
    }
    record_own(tx, now, &user, action, origin).await?;
    Ok(SignedIn {
        token,
        cookie_max_age: policy.idle_secs(user.role),
        user,
        second_step: false,
    })
}

/// Audits something a person did to their own session (they are actor and subject).
async fn record_own(
    conn: &mut crate::store::Conn,
    at: i64,
    user: &SessionUser,
    action: &str,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let reference = user.user.to_string();
    audit::record(
        conn,
        &audit::Entry::new(at, action, origin)
            .by(reference.clone())
            .on(&reference),
    )
    .await
}

/// Audits a sign-in refused before a session opened: `sign_in_failed` (wrong email or
/// password), `sign_in_throttled` (too many failures from that address), `sign_in_busy`
/// (no hashing slot). The typed email is the subject; nobody is the actor.
pub async fn record_refusal(
    store: &Store,
    email: &Email,
    action: &str,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let mut conn = store.conn().await?;
    audit::record(
        &mut conn,
        &audit::Entry::new(clock::now(), action, origin).on(email.as_str()),
    )
    .await?;
    drop(conn);
    if action == "sign_in_failed" {
        crate::services::alerts::after_failed_sign_in(store).await?;
    }
    Ok(())
}

/// How long a sign-in waits for a hashing slot before it is refused.
pub const HASHING_WAIT: Duration = Duration::from_secs(1);

/// Password checks running at once (each takes 19 MiB and a core for tens of
/// milliseconds), and requests allowed to wait for one.
struct HashingBudget {
    slots: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

fn budget() -> &'static HashingBudget {
    static BUDGET: OnceLock<HashingBudget> = OnceLock::new();
    BUDGET.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let slots = cores.clamp(1, 8);
        HashingBudget {
            slots: Semaphore::new(slots),
            waiting: AtomicUsize::new(0),
            max_waiting: slots * 16,
        }
    })
}

/// Decrements the waiting count however the wait ends (also when the request is dropped).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

pub(crate) async fn verify_within_budget(
    password: Password,
    hash: PasswordHash,
) -> Result<bool, SignInError> {
    within_budget(move || password::verify(&password, &hash)).await
}

/// Hashes a new password within the same budget as sign-ins (a flood of sign-ups is no
/// better a way to take the server's time than a flood of guesses).
pub async fn hash_within_budget(password: Password) -> Result<PasswordHash, SignInError> {
    within_budget(move || password::hash(&password))
        .await?
        .map_err(|e| SignInError::Worker(e.to_string()))
}

async fn within_budget<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, SignInError> {
    let budget = budget();
    let waiting = Waiting(&budget.waiting);
    if budget.waiting.fetch_add(1, Ordering::AcqRel) >= budget.max_waiting {
        return Err(SignInError::Busy);
    }
    let permit = match tokio::time::timeout(HASHING_WAIT, budget.slots.acquire()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(closed)) => return Err(SignInError::Worker(closed.to_string())),
        Err(_elapsed) => return Err(SignInError::Busy),
    };
    drop(waiting);
    let result = tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| SignInError::Worker(e.to_string()));
    drop(permit);
    result
}

/// The person a session cookie belongs to, or `None` for an unknown or expired session.
pub async fn resolve(
    store: &Store,
    policy: &SessionPolicy,
    token: &SessionToken,
) -> Result<Option<Resolved>, StoreError> {
    let key = token.storage_key();
    let mut conn = store.conn().await?;
    // One query: the session and its (enabled) user with their role.
    let Some(session) = sessions::find_with_user(&mut conn, &key).await? else {
        return Ok(None);
    };
    let Some(mut user) = session_user(&session.user) else {
        return Ok(None);
    };
    user.unread = session.unread;
    user.unread_messages = session.unread_messages;
    user.must_enrol = policy.must_enrol(&user, &session.user);
    load_places(&mut conn, &mut user).await?;
    let now = clock::now();
    if session.expires_at <= now || now - session.created_at >= policy.max_secs(user.role) {
        sessions::delete(&mut conn, &key).await?;
        return Ok(None);
    }
    let mut refreshed = None;
    if now - session.last_seen_at >= TOUCH_EVERY_SECS {
        let expires = policy.expiry(user.role, session.created_at, now);
        sessions::touch(&mut conn, &key, now, expires).await?;
        refreshed = Some(expires - now);
    }
    Ok(Some(Resolved { user, refreshed }))
}

#[instrument(skip_all)]
pub async fn sign_out(
    store: &Store,
    token: &SessionToken,
    user: Option<&SessionUser>,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    sessions::delete(&mut tx, &token.storage_key()).await?;
    if let Some(user) = user {
        record_own(&mut tx, now, user, "sign_out", origin).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Characters of a session's key that name it in forms.
const HANDLE_LEN: usize = 16;

/// The person's sessions, most recently used first, the one asking marked.
pub async fn own_sessions(
    store: &Store,
    user: &SessionUser,
    current: &SessionToken,
) -> Result<Vec<crate::dto::SessionView>, StoreError> {
    let mut conn = store.conn().await?;
    let here = current.storage_key();
    let rows = sessions::of_user(&mut conn, user.user.id(), clock::now()).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let device = crate::user_agent::device(row.user_agent.as_deref().unwrap_or_default());
            crate::dto::SessionView {
                handle: row.id.chars().take(HANDLE_LEN).collect(),
                browser: device.browser.map(str::to_string),
                system: device.system.map(str::to_string),
                client_ip: row.client_ip,
                created_at: row.created_at,
                last_seen_at: row.last_seen_at,
                current: row.id == here,
            }
        })
        .collect())
}

/// Ends one of the person's own sessions by its handle; whether there was such a session.
pub async fn end_own_session(
    store: &Store,
    user: &SessionUser,
    handle: &str,
    origin: &RequestOrigin,
) -> Result<bool, StoreError> {
    let well_formed = handle.len() == HANDLE_LEN
        && handle
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !well_formed {
        return Ok(false);
    }
    let mut tx = store.begin().await?;
    let ended = sessions::delete_own(&mut tx, user.user.id(), handle).await?;
    if ended {
        record_own(&mut tx, clock::now(), user, "session_ended", origin).await?;
    }
    tx.commit().await?;
    Ok(ended)
}

/// Ends every session of the person but `current`; how many.
pub async fn end_other_sessions(
    store: &Store,
    user: &SessionUser,
    current: &SessionToken,
    origin: &RequestOrigin,
) -> Result<u64, StoreError> {
    let mut tx = store.begin().await?;
    let ended =
        sessions::delete_for_user(&mut tx, user.user.id(), Some(&current.storage_key())).await?;
    record_own(&mut tx, clock::now(), user, "other_sessions_ended", origin).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Removes sessions past their expiry; run now and then by a background task.
pub async fn purge_expired(store: &Store) -> Result<u64, StoreError> {
    let mut conn = store.conn().await?;
    sessions::delete_expired(&mut conn, clock::now()).await
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

    #[test]
    fn staff_sessions_end_twelve_hours_after_sign_in() {
        let policy = SessionPolicy::default();
        assert_eq!(policy.max_secs(Role::Admin), 12 * 3600);
        assert_eq!(policy.idle_secs(Role::Technician), 12 * 3600);
        assert_eq!(policy.max_secs(Role::AccountOwner), 90 * 24 * 3600);
        // Used an hour before the end: the expiry cannot slide past sign-in + 12 h.
        let signed_in = 1_000_000;
        let late = signed_in + 11 * 3600;
        assert_eq!(
            policy.expiry(Role::Dispatcher, signed_in, late),
            signed_in + 12 * 3600
        );
        assert_eq!(
            policy.expiry(Role::AccountMember, signed_in, late),
            late + 30 * 24 * 3600
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_flood_of_password_checks_is_refused_not_queued() {
        let started = std::time::Instant::now();
        let checks: Vec<_> = (0..300)
            .map(|_| {
                tokio::spawn(async {
                    let attempt = Password::parse_attempt("not the password".into()).expect("pw");
                    verify_within_budget(attempt, password::decoy_hash().clone()).await
                })
            })
            .collect();
        let (mut checked, mut busy) = (0, 0);
        for check in checks {
            match check.await.expect("task") {
                Ok(_) => checked += 1,
                Err(SignInError::Busy) => busy += 1,
                Err(other) => panic!("{other}"),
            }
        }
        assert!(checked >= 1, "some checks ran");
        assert!(busy >= 100, "the rest were refused: {busy}");
        // Nobody waited for a slot much longer than HASHING_WAIT (plus the checks running).
        assert!(
            started.elapsed() < HASHING_WAIT + Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }
}
