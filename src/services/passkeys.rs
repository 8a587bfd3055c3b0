//! Passkeys (WebAuthn, with webauthn-rs): adding one to one's account, signing in with one
//! (the device names its person: no email is typed), and using one as the second step of a
//! sign-in. A passkey proves both that the device is there and, by its PIN or biometrics,
//! that its owner is, so signing in with one asks for nothing else.
//!
//! Each ceremony takes two requests: the server's challenge, then the browser's signed
//! answer. Between them the expected answer is kept in the database under a secret the
//! browser holds in a cookie; it works once, for [`CEREMONY_SECS`].

use crate::dto::SessionUser;
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::services::mail::MailTemplate;
use crate::services::passwords::{recipient, tell};
use crate::services::sign_up::Desk;
use crate::store::audit::{self, RequestOrigin};
use crate::store::{Store, StoreError, passkeys, two_step, users};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use tracing::instrument;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder, WebauthnError,
};

/// How long a ceremony waits for the browser's answer.
pub const CEREMONY_SECS: i64 = 300;
/// The most passkeys one person keeps.
pub const MOST: usize = 10;
/// The longest name of a passkey, in characters.
pub const NAME_MAX: usize = 60;
/// The largest answer a browser sends, in bytes (real ones are about 1 KB).
pub const ANSWER_MAX: usize = 16 * 1024;

/// Who the passkeys are for: the portal's host (browsers bind each passkey to it) and its
/// origin. Passkeys are off when the public URL's host is an IP address: browsers refuse them
/// there.
#[derive(Clone, Debug)]
pub struct RelyingParty {
    webauthn: Webauthn,
}

impl RelyingParty {
    /// From the public origin (`https://portal.example.com`) and the business's name, which
    /// devices show beside the passkey; `None` when passkeys cannot work there.
    pub fn new(public_origin: &str, name: &str) -> Option<Self> {
        let url = Url::parse(public_origin).ok()?;
        let host = url.domain()?.to_string();
        let name = if name.trim().is_empty() { &host } else { name };
        let webauthn = WebauthnBuilder::new(&host, &url)
            .ok()?
            .rp_name(name)
            .build()
            .ok()?;
        Some(Self { webauthn })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PasskeyError {
    /// The ceremony is unknown, used, or past its time.
    #[error("the passkey ceremony has to start again")]
    StartAgain,
    /// Not an answer of a browser (not JSON of the right shape, or too large).
    #[error("not an answer to a passkey ceremony")]
    Malformed,
    /// Checked and refused: made for another site, not verified by the device's owner, a
    /// bad signature, a counter that went back.
    #[error("the passkey was refused: {0}")]
    Refused(WebauthnError),
    /// Not a passkey of this portal (never added, or removed since).
    #[error("unknown passkey")]
    Unknown,
    /// At the second step of a sign-in: the passkey of someone else.
    #[error("the passkey is someone else's")]
    NotYours,
    #[error("this passkey is added already")]
    AlreadyAdded,
    #[error("at most {MOST} passkeys")]
    TooMany,
    #[error("no such passkey")]
    NotFound,
    /// A stored passkey or ceremony does not read back (our fault, not the person's).
    #[error("stored passkey data does not read back")]
    Corrupt,
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A ceremony started: the secret for the browser's cookie and the options for
/// `navigator.credentials` (WebAuthn's JSON form).
#[derive(Debug)]
pub struct Started {
    pub token: SessionToken,
    pub options: String,
}

/// One of a person's passkeys, as their list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// What a ceremony expects back, kept between its two requests.
#[derive(Serialize, Deserialize)]
enum Ceremony {
    Adding {
        handle: String,
        state: PasskeyRegistration,
    },
    SigningIn {
        state: DiscoverableAuthentication,
        /// At the second step: the sign-in waiting (its id) and its person.
        waiting: Option<(i64, i64)>,
        /// Confirming who one is (a signed-in person, instead of their password): the
        /// passkey must be theirs.
        #[serde(default)]
        confirming: Option<i64>,
    },
}

/// A passkey's name as typed: trimmed, without control or direction characters, at most
/// [`NAME_MAX`] characters; `fallback` when empty.
pub fn clean_name(raw: &str, fallback: &str) -> Result<String, crate::error::FieldError> {
    let kept: String = raw
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let name = crate::fields::text(&kept, NAME_MAX, false)?;
    Ok(if name.is_empty() {
        fallback.chars().take(NAME_MAX).collect()
    } else {
        name
    })
}

fn id_text(raw: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(raw)
}

fn refused(error: WebauthnError) -> PasskeyError {
    match error {
        WebauthnError::CredentialNotFound | WebauthnError::InvalidUserUniqueId => {
            PasskeyError::Unknown
        }
        other => PasskeyError::Refused(other),
    }
}

fn stored<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, PasskeyError> {
    serde_json::from_str(json).map_err(|e| {
        tracing::error!(error = %e, "a stored passkey or ceremony does not read back");
        PasskeyError::Corrupt
    })
}

fn answer<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, PasskeyError> {
    if json.len() > ANSWER_MAX {
        return Err(PasskeyError::Malformed);
    }
    serde_json::from_str(json).map_err(|_| PasskeyError::Malformed)
}

fn to_json(value: &impl Serialize) -> Result<String, PasskeyError> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "a passkey ceremony does not serialise");
        PasskeyError::Corrupt
    })
}

async fn keep(
    store: &Store,
    user_id: Option<i64>,
    ceremony: &Ceremony,
) -> Result<SessionToken, PasskeyError> {
    let token = SessionToken::generate();
    let state = to_json(ceremony)?;
    let mut conn = store.conn().await?;
    passkeys::add_ceremony(
        &mut conn,
        &token.storage_key(),
        user_id,
        &state,
        clock::now() + CEREMONY_SECS,
    )
    .await?;
    Ok(token)
}

async fn take(
    store: &Store,
    token: &SessionToken,
) -> Result<(Option<i64>, Ceremony), PasskeyError> {
    let mut conn = store.conn().await?;
    let (user_id, state) = passkeys::take_ceremony(&mut conn, &token.storage_key(), clock::now())
        .await?
        .ok_or(PasskeyError::StartAgain)?;
    Ok((user_id, stored(&state)?))
}

/// A person's passkeys, oldest first.
pub async fn list(store: &Store, user: &SessionUser) -> Result<Vec<Listed>, PasskeyError> {
    let mut conn = store.conn().await?;
    Ok(passkeys::for_user(&mut conn, user.user.id())
        .await?
        .into_iter()
        .map(|row| Listed {
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
        })
        .collect())
}

/// Starts adding a passkey: the device is asked to make one for this person (a passkey it
/// keeps and offers at sign-in, checked by its PIN or biometrics), not one of theirs again.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn start_adding(
    store: &Store,
    party: &RelyingParty,
    user: &SessionUser,
) -> Result<Started, PasskeyError> {
    let existing = {
        let mut conn = store.conn().await?;
        passkeys::for_user(&mut conn, user.user.id()).await?
    };
    if existing.len() >= MOST {
        return Err(PasskeyError::TooMany);
    }
    // One handle per person: devices keep one passkey per site and handle.
    let handle = match existing.first() {
        Some(row) => Uuid::parse_str(&row.user_handle).map_err(|_| PasskeyError::Corrupt)?,
        None => {
            let mut bytes = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            Uuid::from_bytes(bytes)
        }
    };
    let exclude = existing
        .iter()
        .map(|row| stored::<Passkey>(&row.passkey).map(|p| p.cred_id().clone()))
        .collect::<Result<Vec<_>, _>>()?;
    let display = if user.name.trim().is_empty() {
        user.email.as_str()
    } else {
        user.name.as_str()
    };
    let (challenge, state) = party
        .webauthn
        .start_passkey_registration(handle, &user.email, display, Some(exclude))
        .map_err(refused)?;
    let mut options = serde_json::to_value(&challenge).map_err(|_| PasskeyError::Corrupt)?;
    // Signing in names nobody: the device must keep the passkey to offer it (a resident,
    // "discoverable" credential). webauthn-rs asks for none by default and checks neither.
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = "required".into();
        selection["requireResidentKey"] = true.into();
    }
    let token = keep(
        store,
        Some(user.user.id()),
        &Ceremony::Adding {
            handle: handle.to_string(),
            state,
        },
    )
    .await?;
    Ok(Started {
        token,
        options: to_json(&options)?,
    })
}

/// Finishes adding: checks the device's answer and keeps the passkey under `name`. The
/// person is told by mail (a passkey is a way in that skips the password).
#[instrument(skip_all, fields(user = %user.user))]
pub async fn finish_adding(
    desk: &Desk<'_>,
    party: &RelyingParty,
    user: &SessionUser,
    token: &SessionToken,
    response: &str,
    name: &str,
) -> Result<(), PasskeyError> {
    let (store, origin) = (desk.store, desk.origin);
    let (owner, ceremony) = take(store, token).await?;
    let (Some(owner), Ceremony::Adding { handle, state }) = (owner, ceremony) else {
        return Err(PasskeyError::StartAgain);
    };
    if owner != user.user.id() {
        return Err(PasskeyError::StartAgain);
    }
    let credential: RegisterPublicKeyCredential = answer(response)?;
    let passkey = party
        .webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(refused)?;
    let now = clock::now();
    let credential_id = id_text(passkey.cred_id());
    let json = to_json(&passkey)?;
    let reference = user.user.to_string();
    let person = {
        let mut conn = store.conn().await?;
        users::by_id(&mut conn, owner).await?
    };
    let mut tx = store.begin().await?;
    // Counted again where it is written: ceremonies started side by side end here.
    if usize::try_from(passkeys::count(&mut tx, owner).await?).unwrap_or(MOST) >= MOST {
        return Err(PasskeyError::TooMany);
    }
    let added = passkeys::insert(
        &mut tx,
        &passkeys::NewPasskey {
            user_id: owner,
            credential_id: &credential_id,
            user_handle: &handle,
            name,
            passkey: &json,
            now,
        },
    )
    .await;
    match added {
        Err(StoreError::Conflict(_)) => return Err(PasskeyError::AlreadyAdded),
        other => other?,
    }
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "passkey_added", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    let (to, locale) = recipient(&person, desk.business.default_locale);
    let link = format!(
        "{}/account/passkeys",
        desk.public_origin.trim_end_matches('/')
    );
    tell(&mut tx, &to, locale, MailTemplate::PasskeyAdded, link).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Starts signing in with a passkey: the device offers the passkeys it keeps for this
/// portal. `waiting`: the sign-in waiting for its second step, whose person the passkey
/// must then be; `confirming`: a signed-in person confirming it is them (a fresh sign-in
/// instead of their password), whose passkey it must be.
#[instrument(skip_all)]
pub async fn start_sign_in(
    store: &Store,
    party: &RelyingParty,
    waiting: Option<&SessionToken>,
    confirming: Option<i64>,
) -> Result<Started, PasskeyError> {
    let waiting = match waiting {
        None => None,
        Some(challenge) => {
            let mut conn = store.conn().await?;
            let now = clock::now();
            let row = two_step::challenge(&mut conn, &challenge.storage_key())
                .await?
                .filter(|c| {
                    c.used_at.is_none()
                        && c.expires_at > now
                        && c.tries < crate::services::two_step::TRIES
                })
                .ok_or(PasskeyError::StartAgain)?;
            Some((row.id, row.user_id))
        }
    };
    let (challenge, state) = party
        .webauthn
        .start_discoverable_authentication()
        .map_err(refused)?;
    let token = keep(
        store,
        waiting.map(|(_, user)| user).or(confirming),
        &Ceremony::SigningIn {
            state,
            waiting,
            confirming,
        },
    )
    .await?;
    Ok(Started {
        token,
        options: to_json(&challenge)?,
    })
}

/// Finishes signing in: checks the device's answer and opens a session for the passkey's
/// person (closing `replacing`). A refused answer is audited and counts as a failed sign-in.
#[instrument(skip_all)]
pub async fn finish_sign_in(
    store: &Store,
    party: &RelyingParty,
    policy: &SessionPolicy,
    token: &SessionToken,
    response: &str,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
) -> Result<SignedIn, PasskeyError> {
    let (_, ceremony) = take(store, token).await?;
    let Ceremony::SigningIn {
        state,
        waiting,
        confirming,
    } = ceremony
    else {
        return Err(PasskeyError::StartAgain);
    };
    let credential: PublicKeyCredential = answer(response)?;
    let checked = check_answer(store, party, &credential, state).await;
    let (row, updated) = match checked {
        Ok(found) => found,
        Err(error) => {
            failed(store, None, origin).await?;
            return Err(error);
        }
    };
    let expected = waiting.map(|(_, person)| person).or(confirming);
    if expected.is_some_and(|person| person != row.user_id) {
        failed(store, Some(row.user_id), origin).await?;
        return Err(PasskeyError::NotYours);
    }
    let person = {
        let mut conn = store.conn().await?;
        match users::by_id(&mut conn, row.user_id).await {
            Err(StoreError::NotFound) => return Err(PasskeyError::Unknown),
            other => other?,
        }
    };
    let now = clock::now();
    let mut tx = store.begin().await?;
    if !passkeys::used(&mut tx, row.id, &row.passkey, updated.as_deref(), now).await? {
        // Removed meanwhile, or used at the same moment (a clone racing its original).
        return Err(PasskeyError::Unknown);
    }
    if let Some((challenge, _)) = waiting
        && !two_step::use_live_challenge(&mut tx, challenge, now, crate::services::two_step::TRIES)
            .await?
    {
        return Err(PasskeyError::StartAgain);
    }
    let signed_in = auth::open_session(
        &mut tx,
        policy,
        &person,
        origin,
        replacing,
        auth::PASSKEY_ACTION,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(signed_in)
}

/// The stored passkey the answer names, once its signature checks out; with the credential
/// to store when its counter or flags moved.
async fn check_answer(
    store: &Store,
    party: &RelyingParty,
    credential: &PublicKeyCredential,
    state: DiscoverableAuthentication,
) -> Result<(passkeys::PasskeyRow, Option<String>), PasskeyError> {
    let (handle, raw_id) = party
        .webauthn
        .identify_discoverable_authentication(credential)
        .map_err(refused)?;
    let row = {
        let mut conn = store.conn().await?;
        passkeys::by_credential(&mut conn, &id_text(raw_id), &handle.to_string())
            .await?
            .ok_or(PasskeyError::Unknown)?
    };
    let mut passkey: Passkey = stored(&row.passkey)?;
    let result = party
        .webauthn
        .finish_discoverable_authentication_v2(credential, state, &passkey)
        .map_err(refused)?;
    let updated = match passkey.update_credential(&result) {
        Some(true) => Some(to_json(&passkey)?),
        _ => None,
    };
    Ok((row, updated))
}

/// Audits a refused passkey and lets the burst alert count it.
async fn failed(
    store: &Store,
    person: Option<i64>,
    origin: &RequestOrigin,
) -> Result<(), PasskeyError> {
    let mut conn = store.conn().await?;
    audit::record(
        &mut conn,
        &audit::Entry::new(clock::now(), "passkey_sign_in_failed", origin)
            .by_maybe(person.map(crate::ids::UserRef::from_id)),
    )
    .await?;
    drop(conn);
    crate::services::alerts::after_failed_sign_in(store).await?;
    Ok(())
}

/// Removes one of a person's passkeys (the caller checked their password, or that they
/// signed in lately).
#[instrument(skip_all, fields(user = %user.user))]
pub async fn remove(
    store: &Store,
    user: &SessionUser,
    id: i64,
    origin: &RequestOrigin,
) -> Result<(), PasskeyError> {
    let reference = user.user.to_string();
    let mut tx = store.begin().await?;
    if !passkeys::delete(&mut tx, user.user.id(), id).await? {
        return Err(PasskeyError::NotFound);
    }
    audit::record(
        &mut tx,
        &audit::Entry::new(clock::now(), "passkey_removed", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Forgets ceremonies nobody finished.
pub async fn purge_expired(store: &Store) -> Result<u64, StoreError> {
    let mut conn = store.conn().await?;
    passkeys::delete_expired_ceremonies(&mut conn, clock::now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passkeys_need_a_domain() {
        assert!(RelyingParty::new("http://localhost:3000", "Brightside").is_some());
        assert!(RelyingParty::new("https://portal.example.com", "").is_some());
        assert!(RelyingParty::new("http://127.0.0.1:3000", "Brightside").is_none());
        assert!(RelyingParty::new("http://[::1]:3000", "Brightside").is_none());
        assert!(RelyingParty::new("not a url", "Brightside").is_none());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  Work laptop ", "x"), Ok("Work laptop".into()));
        assert_eq!(
            clean_name("", "Chrome · Linux"),
            Ok("Chrome · Linux".into())
        );
        assert_eq!(clean_name("a\u{202E}b\u{0007}c", "x"), Ok("abc".into()));
        assert!(clean_name(&"n".repeat(NAME_MAX + 1), "x").is_err());
    }
}
