//! Newcomers open their own account: a person, their household or company, its first place,
//! and a link to prove their email, all in one transaction with the mail that carries the
//! link. They sign in by opening it (or, later, with their password once it is proven).
//!
//! An address that already has an account gets a mail saying so instead, and the form the
//! same answer as any other: the page never tells a stranger who has an account here.

use crate::brand::Business;
use crate::dto::{AccountKind, MemberRole};
use crate::email::Email;
use crate::locale::Locale;
use crate::password::Password;
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::services::geocode::Geocoder;
use crate::services::links::{self, LinkError};
use crate::services::mail::{self, Mail, MailTemplate};
use crate::sign_up::SignUpDraft;
use crate::store::accounts::{self, NewLocation};
use crate::store::audit::{self, RequestOrigin};
use crate::store::auth_links::Purpose;
use crate::store::{Conn, Store, StoreError, users};
use std::collections::BTreeMap;
use tracing::instrument;

/// How long a link to prove an email works.
pub const VERIFY_SECS: i64 = 24 * 3600;
/// Sign-ups (and repeated ones) one address may make in an hour.
pub const PER_ADDRESS_HOURLY: i64 = 10;
/// Proving links one person may be sent in an hour.
pub const RESENDS_HOURLY: i64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum SignUpError {
    /// The business does not take sign-ups.
    #[error("sign-up is turned off")]
    Closed,
    /// Too many sign-ups from one address lately.
    #[error("too many sign-ups from this address")]
    TooMany,
    /// No password-hashing slot came free in time.
    #[error("too busy to hash a password")]
    Busy,
    #[error("password hashing failed: {0}")]
    Worker(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<SignInError> for SignUpError {
    fn from(e: SignInError) -> Self {
        match e {
            SignInError::Busy => Self::Busy,
            SignInError::Store(e) => Self::Store(e),
            other => Self::Worker(other.to_string()),
        }
    }
}

/// Where sign-ups happen: the database, the geocoder, the business (its name and language
/// in the mails), the portal's public origin (for the links) and the request.
pub struct Desk<'a> {
    pub store: &'a Store,
    pub geocoder: Option<&'a dyn Geocoder>,
    pub business: &'a Business,
    pub public_origin: &'a str,
    pub origin: &'a RequestOrigin,
}

/// A sign-up as the form sent it, checked.
pub struct SignUp {
    pub draft: SignUpDraft,
    pub password: Password,
    /// The language the person used the form in: theirs from now on.
    pub locale: Locale,
    /// Where to take them once their email is proven (a path of the portal).
    pub next: Option<String>,
}

async fn too_many(desk: &Desk<'_>, now: i64) -> Result<bool, StoreError> {
    let Some(ip) = desk.origin.client_ip.as_deref() else {
        return Ok(false);
    };
    let mut conn = desk.store.conn().await?;
    let recent = audit::count_from(
        &mut conn,
        &["signed_up", "sign_up_existing"],
        ip,
        now - 3600,
    )
    .await?;
    Ok(recent >= PER_ADDRESS_HOURLY)
}

/// Opens the account (or, for a known address, mails its owner). Both answers look the
/// same to whoever sent the form, and take about as long (the password is hashed either way).
#[instrument(skip_all, fields(email = %sign_up.draft.email))]
pub async fn sign_up(desk: &Desk<'_>, sign_up: SignUp) -> Result<(), SignUpError> {
    let now = clock::now();
    if too_many(desk, now).await? {
        return Err(SignUpError::TooMany);
    }
    let SignUp {
        draft,
        password,
        locale,
        next,
    } = sign_up;
    let hash = auth::hash_within_budget(password).await?;
    let taken = {
        let mut conn = desk.store.conn().await?;
        users::email_taken(&mut conn, draft.email.as_str()).await?
    };
    if taken {
        return tell_existing(desk, &draft, locale, now).await;
    }
    let (position, _) =
        crate::services::locations::place(desk.geocoder, None, &draft.place, locale).await;
    let mut tx = desk.store.begin().await?;
    let user_id = match users::insert(
        &mut tx,
        &users::NewUser {
            email: draft.email.as_str(),
            name: &draft.name,
            password_hash: &hash,
            locale: Some(locale.code()),
            created_at: now,
            verified_at: None,
        },
    )
    .await
    {
        Ok(id) => id,
        // Someone else signed up with the address a moment ago.
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            return tell_existing(desk, &draft, locale, now).await;
        }
        Err(e) => return Err(e.into()),
    };
    let (account_name, kind) = match &draft.company {
        Some(company) => (company.as_str(), AccountKind::Company),
        None => (draft.name.as_str(), AccountKind::Household),
    };
    let account_id = accounts::insert(&mut tx, account_name, kind, now).await?;
    accounts::add_member(&mut tx, account_id, user_id, MemberRole::Owner, now).await?;
    let place = &draft.place;
    accounts::insert_location(
        &mut tx,
        account_id,
        &NewLocation {
            label: &place.label,
            line1: &place.address.line1,
            line2: place.address.line2.as_deref(),
            postal_code: &place.address.postal_code,
            city: &place.address.city,
            country: &place.address.country,
            latitude: position.map(|p| p.latitude),
            longitude: position.map(|p| p.longitude),
            access_notes: None,
        },
        now,
    )
    .await?;
    send_proof(
        &mut tx,
        desk,
        Proof {
            user_id,
            email: &draft.email,
            name: &draft.name,
            locale,
            next: next.as_deref(),
        },
        now,
    )
    .await?;
    let reference = crate::ids::UserRef::from_id(user_id).to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "signed_up", desk.origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Mails the owner of a known address that they have an account (and changes nothing).
async fn tell_existing(
    desk: &Desk<'_>,
    draft: &SignUpDraft,
    locale: Locale,
    now: i64,
) -> Result<(), SignUpError> {
    let sign_in = format!("{}/sign-in", desk.public_origin.trim_end_matches('/'));
    let mut tx = desk.store.begin().await?;
    mail::queue(
        &mut tx,
        &Mail {
            to: draft.email.clone(),
            to_name: None,
            locale,
            template: MailTemplate::SignUpExisting,
            args: BTreeMap::from([
                ("name".to_string(), draft.name.clone()),
                ("link".to_string(), sign_in),
            ]),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "sign_up_existing", desk.origin).on(draft.email.as_str()),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Whom a proving link goes to.
struct Proof<'a> {
    user_id: i64,
    email: &'a Email,
    name: &'a str,
    locale: Locale,
    next: Option<&'a str>,
}

/// A new link to prove the email (replacing older ones), and its mail, in `conn`'s
/// transaction.
async fn send_proof(
    conn: &mut Conn,
    desk: &Desk<'_>,
    to: Proof<'_>,
    now: i64,
) -> Result<(), StoreError> {
    let secret = links::issue(
        &mut *conn,
        Purpose::Verify,
        to.user_id,
        now,
        VERIFY_SECS,
        to.next,
    )
    .await?;
    mail::queue(
        conn,
        &Mail {
            to: to.email.clone(),
            to_name: Some(to.name),
            locale: to.locale,
            template: MailTemplate::VerifyEmail,
            args: BTreeMap::from([
                ("name".to_string(), to.name.to_string()),
                (
                    "link".to_string(),
                    links::address(desk.public_origin, "/verify", &secret),
                ),
            ]),
        },
    )
    .await?;
    Ok(())
}

/// Sends a new proving link to a person who signed up and has not proven their email yet;
/// for any other address (or too many asks) nothing happens, and the answer is the same.
#[instrument(skip_all, fields(email = %email))]
pub async fn resend(desk: &Desk<'_>, email: &Email) -> Result<(), SignUpError> {
    let now = clock::now();
    let mut conn = desk.store.conn().await?;
    let Some((user_id, false)) = users::by_email(&mut conn, email.as_str()).await? else {
        return Ok(());
    };
    let recent =
        crate::store::auth_links::sent_since(&mut conn, user_id, Purpose::Verify, now - 3600)
            .await?;
    if recent >= RESENDS_HOURLY {
        return Ok(());
    }
    let person = users::by_id(&mut conn, user_id).await?;
    // Back to where the first link was to take them.
    let next = crate::store::auth_links::latest_next(&mut conn, user_id, Purpose::Verify).await?;
    drop(conn);
    let locale = person
        .locale
        .as_deref()
        .and_then(|l| Locale::parse(l).ok())
        .unwrap_or(desk.business.default_locale);
    let mut tx = desk.store.begin().await?;
    send_proof(
        &mut tx,
        desk,
        Proof {
            user_id,
            email,
            name: &person.name,
            locale,
            next: next.as_deref(),
        },
        now,
    )
    .await?;
    let reference = crate::ids::UserRef::from_id(user_id).to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "verification_resent", desk.origin).on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Why a proving link did not sign anyone in.
pub type VerifyError = links::LinkSignInError;

/// Whether a proving link is still good (the page that asks to confirm shows it).
pub async fn check(store: &Store, secret: &str) -> Result<(), LinkError> {
    let mut conn = store.conn().await?;
    links::peek(&mut conn, Purpose::Verify, secret, clock::now()).await?;
    Ok(())
}

/// Proves the email of the link's person and signs them in (closing `replacing`); returns
/// the session and where to take them.
#[instrument(skip_all)]
pub async fn verify(
    store: &Store,
    policy: &SessionPolicy,
    secret: &str,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
) -> Result<(SignedIn, Option<String>), VerifyError> {
    let link = {
        let mut conn = store.conn().await?;
        links::peek(&mut conn, Purpose::Verify, secret, clock::now()).await?
    };
    links::sign_in(store, policy, link, origin, replacing, "email_verified").await
}
