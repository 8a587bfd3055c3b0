//! Two-step sign-in with an authenticator app: setting it up (a secret shown as a QR code,
//! confirmed by a first code, then ten recovery codes shown once), the second step of a
//! sign-in (a code, or a recovery code; each works once), and turning it off (with the
//! password). The secret is sealed with the data key.

use crate::dto::SessionUser;
use crate::password::Password;
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::store::audit::{self, RequestOrigin};
use crate::store::{Store, StoreError, two_step, users};
use crate::totp::{self, Check};
use sha2::{Digest, Sha256};
use tracing::instrument;

/// Wrong codes one waiting sign-in may take before it must start again.
pub const TRIES: i64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum TwoStepError {
    /// Not a code of the app, nor an unused recovery code.
    #[error("wrong code")]
    WrongCode,
    /// A code used already (each works once).
    #[error("code used already")]
    CodeUsed,
    /// The sign-in waiting for a code is unknown, used, past its time or out of tries.
    #[error("the sign-in has to start again")]
    StartAgain,
    /// Two-step sign-in is on already (turn it off first to set up another app).
    #[error("two-step sign-in is on already")]
    AlreadyOn,
    /// Nothing to confirm: setting up was not started.
    #[error("setting up was not started")]
    NotStarted,
    #[error("the password is not right")]
    WrongPassword,
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Setting up: the secret as text, the `otpauth://` address and its QR code (SVG).
#[derive(Clone, Debug, PartialEq)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
    pub qr_svg: String,
}

/// Where a person stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub on: bool,
    pub codes_left: i64,
}

fn code_hash(code: &str) -> String {
    Sha256::digest(totp::normalise_recovery(code).as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn qr_svg(uri: &str) -> String {
    match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

pub async fn status(store: &Store, user: &SessionUser) -> Result<Status, TwoStepError> {
    let mut conn = store.conn().await?;
    Ok(Status {
        on: two_step::is_on(&mut conn, user.user.id()).await?,
        codes_left: two_step::codes_left(&mut conn, user.user.id()).await?,
    })
}

fn enrolment(secret: &[u8], issuer: &str, user: &SessionUser) -> Enrolment {
    let uri = totp::otpauth_uri(secret, issuer, &user.email);
    Enrolment {
        secret: totp::base32(secret),
        qr_svg: qr_svg(&uri),
        uri,
    }
}

/// Setting up as started, if it was (and two-step sign-in is not on yet).
pub async fn pending(
    store: &Store,
    user: &SessionUser,
    issuer: &str,
) -> Result<Option<Enrolment>, TwoStepError> {
    let mut conn = store.conn().await?;
    let Some(row) = two_step::secret(&mut conn, user.user.id()).await? else {
        return Ok(None);
    };
    if row.confirmed_at.is_some() {
        return Ok(None);
    }
    let plain = store
        .keyring()?
        .open(&row.secret)
        .map_err(StoreError::from)?;
    Ok(totp::from_base32(&plain).map(|secret| enrolment(&secret, issuer, user)))
}

/// Checks the password again when the session is older than a quarter of an hour (changing
/// how someone signs in needs a fresh proof that it is them).
pub async fn confirm_recent(
    store: &Store,
    user: &SessionUser,
    session: &SessionToken,
    password: Option<Password>,
) -> Result<(), TwoStepError> {
    if auth::is_fresh(store, session).await? {
        return Ok(());
    }
    match password {
        Some(password) => check_password(store, user, password).await,
        None => Err(TwoStepError::WrongPassword),
    }
}

/// Starts setting up (or shows the set-up started): a new secret, not in force until a
/// first code confirms it.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn start(
    store: &Store,
    user: &SessionUser,
    issuer: &str,
) -> Result<Enrolment, TwoStepError> {
    let keyring = store.keyring()?;
    let mut conn = store.conn().await?;
    match two_step::secret(&mut conn, user.user.id()).await? {
        Some(row) if row.confirmed_at.is_some() => Err(TwoStepError::AlreadyOn),
        Some(row) => {
            let secret = totp::from_base32(&keyring.open(&row.secret).map_err(StoreError::from)?)
                .ok_or(TwoStepError::NotStarted)?;
            Ok(enrolment(&secret, issuer, user))
        }
        None => {
            drop(conn);
            let secret = totp::new_secret();
            let sealed = keyring.seal(&totp::base32(&secret));
            let mut tx = store.begin().await?;
            two_step::start(&mut tx, user.user.id(), &sealed, clock::now()).await?;
            tx.commit().await.map_err(StoreError::from)?;
            Ok(enrolment(&secret, issuer, user))
        }
    }
}

/// Confirms setting up with a first code from the app; returns the ten recovery codes
/// (shown once: only their hashes are kept). Every other session of the person ends.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn confirm(
    store: &Store,
    user: &SessionUser,
    session: &SessionToken,
    code: &str,
    origin: &RequestOrigin,
) -> Result<Vec<String>, TwoStepError> {
    let now = clock::now();
    let row = {
        let mut conn = store.conn().await?;
        two_step::secret(&mut conn, user.user.id())
            .await?
            .ok_or(TwoStepError::NotStarted)?
    };
    if row.confirmed_at.is_some() {
        return Err(TwoStepError::AlreadyOn);
    }
    let secret = totp::from_base32(
        &store
            .keyring()?
            .open(&row.secret)
            .map_err(StoreError::from)?,
    )
    .ok_or(TwoStepError::NotStarted)?;
    let Check::Accepted { step } = totp::check(&secret, code, now, None) else {
        return Err(TwoStepError::WrongCode);
    };
    let codes = totp::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| code_hash(c)).collect();
    let reference = user.user.to_string();
    let mut tx = store.begin().await?;
    two_step::confirm(&mut tx, user.user.id(), step, now).await?;
    two_step::replace_codes(&mut tx, user.user.id(), &hashes).await?;
    crate::store::sessions::delete_for_user(&mut tx, user.user.id(), Some(&session.storage_key()))
        .await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "two_step_on", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(codes)
}

/// New recovery codes (the old ones stop working), after the password.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn new_codes(
    store: &Store,
    user: &SessionUser,
    password: Password,
    origin: &RequestOrigin,
) -> Result<Vec<String>, TwoStepError> {
    check_password(store, user, password).await?;
    let codes = totp::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| code_hash(c)).collect();
    let reference = user.user.to_string();
    let mut tx = store.begin().await?;
    two_step::replace_codes(&mut tx, user.user.id(), &hashes).await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(clock::now(), "recovery_codes_renewed", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(codes)
}

async fn check_password(
    store: &Store,
    user: &SessionUser,
    password: Password,
) -> Result<(), TwoStepError> {
    let stored = {
        let mut conn = store.conn().await?;
        users::password_hash(&mut conn, user.user.id())
            .await?
            .ok_or(TwoStepError::WrongPassword)?
    };
    if auth::verify_within_budget(password, stored).await? {
        Ok(())
    } else {
        Err(TwoStepError::WrongPassword)
    }
}

/// Turns two-step sign-in off, after the password.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn turn_off(
    store: &Store,
    user: &SessionUser,
    password: Password,
    origin: &RequestOrigin,
) -> Result<(), TwoStepError> {
    check_password(store, user, password).await?;
    let reference = user.user.to_string();
    let mut tx = store.begin().await?;
    two_step::turn_off(&mut tx, user.user.id()).await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(clock::now(), "two_step_off", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// How the sign-in waiting in `challenge` may take its second step: (a code of the app, a
/// passkey). Both `false` when nothing waits.
pub async fn waiting_ways(
    store: &Store,
    challenge: &SessionToken,
) -> Result<(bool, bool), TwoStepError> {
    let now = clock::now();
    let mut conn = store.conn().await?;
    let Some(waiting) = two_step::challenge(&mut conn, &challenge.storage_key())
        .await?
        .filter(|c| c.used_at.is_none() && c.expires_at > now && c.tries < TRIES)
    else {
        return Ok((false, false));
    };
    let code = two_step::is_on(&mut conn, waiting.user_id).await?;
    let passkey = !crate::store::passkeys::for_user(&mut conn, waiting.user_id)
        .await?
        .is_empty();
    Ok((code, passkey))
}

/// The second step of a sign-in: `challenge` from the browser's cookie, and a code of the
/// app or a recovery code. Opens the session (closing `replacing`).
#[instrument(skip_all)]
pub async fn finish(
    store: &Store,
    policy: &SessionPolicy,
    challenge: &SessionToken,
    code: &str,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
) -> Result<SignedIn, TwoStepError> {
    let now = clock::now();
    let (waiting, person, secret) = {
        let mut conn = store.conn().await?;
        let waiting = two_step::challenge(&mut conn, &challenge.storage_key())
            .await?
            .filter(|c| c.used_at.is_none() && c.expires_at > now && c.tries < TRIES)
            .ok_or(TwoStepError::StartAgain)?;
        let person = users::by_id(&mut conn, waiting.user_id).await?;
        let secret = two_step::secret(&mut conn, waiting.user_id)
            .await?
            .filter(|s| s.confirmed_at.is_some())
            .ok_or(TwoStepError::StartAgain)?;
        (waiting, person, secret)
    };
    let plain = store
        .keyring()?
        .open(&secret.secret)
        .map_err(StoreError::from)?;
    let key = totp::from_base32(&plain).ok_or(TwoStepError::StartAgain)?;
    let checked = totp::check(&key, code, now, secret.last_step);
    let mut tx = store.begin().await?;
    if !two_step::use_challenge(&mut tx, waiting.id, now).await? {
        return Err(TwoStepError::StartAgain);
    }
    let refused = match checked {
        Check::Accepted { step } => {
            (!two_step::use_step(&mut tx, person.id, step).await?).then_some(TwoStepError::CodeUsed)
        }
        Check::Replayed => Some(TwoStepError::CodeUsed),
        Check::Wrong => {
            let recovery = code_hash(code);
            (!two_step::use_code(&mut tx, person.id, &recovery, now).await?)
                .then_some(TwoStepError::WrongCode)
        }
    };
    if let Some(refused) = refused {
        // Nothing of this try stays but the try itself: the waiting sign-in is usable
        // again, one try fewer.
        drop(tx);
        let mut conn = store.conn().await?;
        two_step::count_try(&mut conn, waiting.id).await?;
        let reference = person.id;
        audit::record(
            &mut conn,
            &audit::Entry::new(now, "second_step_failed", origin)
                .by(crate::ids::UserRef::from_id(reference)),
        )
        .await?;
        drop(conn);
        crate::services::alerts::after_failed_sign_in(store).await?;
        return Err(refused);
    }
    let signed_in = auth::open_session(
        &mut tx,
        policy,
        &person,
        origin,
        replacing,
        auth::TWO_STEP_ACTION,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(signed_in)
}
