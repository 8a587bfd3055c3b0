//! Forgotten and changed passwords. A reset goes by a mailed single-use link (an hour) and
//! ends every other session of the person; a change needs the current password and ends
//! every session but the one making it. Either way the person is told by mail.

use crate::dto::SessionUser;
use crate::email::Email;
use crate::locale::Locale;
use crate::password::Password;
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::services::links::{self, LinkError};
use crate::services::mail::{self, Mail, MailTemplate, Recipient};
use crate::services::sign_up::Desk;
use crate::store::audit;
use crate::store::auth_links::{self, Purpose};
use crate::store::{Conn, Store, StoreError, sessions, users};
use std::collections::BTreeMap;
use tracing::instrument;

/// How long a sign-in link works.
pub const SIGN_IN_LINK_SECS: i64 = 15 * 60;
/// Sign-in links one person may be sent in an hour.
pub const SIGN_IN_LINKS_HOURLY: i64 = 5;

/// How long a reset link works.
pub const RESET_SECS: i64 = 3600;
/// Reset links one person may be sent in an hour.
pub const RESETS_HOURLY: i64 = 3;
/// Reset asks one address may make in an hour (across people).
pub const ASKS_PER_ADDRESS_HOURLY: i64 = 20;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Too many asks from one address lately.
    #[error("too many asks from this address")]
    TooMany,
    /// The current password typed is not right.
    #[error("the current password is not right")]
    WrongPassword,
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
}

impl From<links::LinkSignInError> for PasswordError {
    fn from(e: links::LinkSignInError) -> Self {
        match e {
            links::LinkSignInError::Link(e) => Self::Link(e),
            links::LinkSignInError::SignIn(e) => Self::SignIn(e),
        }
    }
}

impl From<StoreError> for PasswordError {
    fn from(e: StoreError) -> Self {
        Self::Link(LinkError::Store(e))
    }
}

pub(crate) fn recipient(person: &users::UserRow, fallback: Locale) -> (Recipient, Locale) {
    let to = Recipient::stored(
        person.email.clone(),
        person.name.clone(),
        person.locale.as_deref(),
    );
    let locale = to.locale.unwrap_or(fallback);
    (to, locale)
}

pub(crate) async fn tell(
    conn: &mut Conn,
    to: &Recipient,
    locale: Locale,
    template: MailTemplate,
    link: String,
) -> Result<(), StoreError> {
    let Ok(address) = Email::parse(&to.email) else {
        return Ok(());
    };
    mail::queue(
        conn,
        &Mail {
            to: address,
            to_name: Some(&to.name),
            locale,
            template,
            args: BTreeMap::from([
                ("name".to_string(), to.name.clone()),
                ("link".to_string(), link),
            ]),
        },
    )
    .await?;
    Ok(())
}

/// What a mailed link is asked for.
struct Ask<'a> {
    /// The audit action every ask is recorded under (sent or not).
    action: &'static str,
    purpose: Purpose,
    /// Links one person may be sent in an hour.
    hourly: i64,
    ttl_secs: i64,
    /// The page the link opens.
    path: &'static str,
    template: MailTemplate,
    next: Option<&'a str>,
    /// The hash of the asking browser's secret, for links that work only there.
    browser: Option<&'a str>,
}

/// Mails the link `ask` describes if `email` is an enabled person's; for any other address
/// (or too many asks for that person) nothing is sent, and the answer is the same. Too many
/// asks from one client address are refused.
async fn mail_link(desk: &Desk<'_>, email: &Email, ask: Ask<'_>) -> Result<(), PasswordError> {
    let now = clock::now();
    let mut conn = desk.store.conn().await?;
    if let Some(ip) = desk.origin.client_ip.as_deref() {
        let asks = audit::count_from(&mut conn, &[ask.action], ip, now - 3600).await?;
        if asks >= ASKS_PER_ADDRESS_HOURLY {
            return Err(PasswordError::TooMany);
        }
    }
    let person = match users::by_email(&mut conn, email.as_str()).await? {
        Some((id, _)) => Some(users::by_id(&mut conn, id).await?),
        None => None,
    };
    let recent = match &person {
        Some(p) => auth_links::sent_since(&mut conn, p.id, ask.purpose, now - 3600).await?,
        None => 0,
    };
    drop(conn);
    let mut tx = desk.store.begin().await?;
    // Every ask is in the trail (with the typed address), sent or not.
    audit::record(
        &mut tx,
        &audit::Entry::new(now, ask.action, desk.origin).on(email.as_str()),
    )
    .await?;
    if let Some(person) = person.filter(|_| recent < ask.hourly) {
        let secret = links::issue_bound(
            &mut tx,
            links::Issue {
                purpose: ask.purpose,
                user_id: person.id,
                now,
                ttl_secs: ask.ttl_secs,
                next_path: ask.next,
                browser_hash: ask.browser,
                new_email: None,
            },
        )
        .await?;
        let (to, locale) = recipient(&person, desk.business.default_locale);
        let link = links::address(desk.public_origin, ask.path, &secret);
        tell(&mut tx, &to, locale, ask.template, link).await?;
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Mails a link to choose a new password (an hour), if `email` is an enabled person's.
#[instrument(skip_all, fields(email = %email))]
pub async fn request_reset(desk: &Desk<'_>, email: &Email) -> Result<(), PasswordError> {
    let ask = Ask {
        action: "password_reset_asked",
        purpose: Purpose::Reset,
        hourly: RESETS_HOURLY,
        ttl_secs: RESET_SECS,
        path: "/reset-password",
        template: MailTemplate::PasswordReset,
        next: None,
        browser: None,
    };
    mail_link(desk, email, ask).await
}

/// Mails a link that signs in without a password, working only in the browser that asked
/// (which keeps `browser_secret` in a cookie) for a quarter of an hour.
#[instrument(skip_all, fields(email = %email))]
pub async fn request_sign_in_link(
    desk: &Desk<'_>,
    email: &Email,
    next: Option<&str>,
    browser_secret: &str,
) -> Result<(), PasswordError> {
    let browser = links::hash(browser_secret);
    let ask = Ask {
        action: "sign_in_link_asked",
        purpose: Purpose::SignIn,
        hourly: SIGN_IN_LINKS_HOURLY,
        ttl_secs: SIGN_IN_LINK_SECS,
        path: "/sign-in/link",
        template: MailTemplate::SignInLink,
        next,
        browser: Some(&browser),
    };
    mail_link(desk, email, ask).await
}

/// Whether a sign-in link is still good, before the person presses to use it.
pub async fn check_sign_in_link(store: &Store, secret: &str) -> Result<(), PasswordError> {
    let mut conn = store.conn().await?;
    links::peek(&mut conn, Purpose::SignIn, secret, clock::now()).await?;
    Ok(())
}

/// Signs in with a mailed link, in the browser that asked for it (`browser_secret` from
/// its cookie); the mail proves the email too. Returns the session and where to go.
#[instrument(skip_all)]
pub async fn sign_in_with_link(
    desk: &Desk<'_>,
    policy: &SessionPolicy,
    secret: &str,
    browser_secret: Option<&str>,
    replacing: Option<&SessionToken>,
) -> Result<(SignedIn, Option<String>), PasswordError> {
    let link = {
        let mut conn = desk.store.conn().await?;
        links::peek(&mut conn, Purpose::SignIn, secret, clock::now()).await?
    };
    let same_browser = match (browser_secret, link.browser_hash.as_deref()) {
        (Some(mine), Some(bound)) => links::hash(mine) == bound,
        _ => false,
    };
    if !same_browser {
        return Err(PasswordError::Link(LinkError::OtherBrowser));
    }
    let signed_in = links::sign_in(
        desk.store,
        policy,
        link,
        desk.origin,
        replacing,
        "sign_in_link",
    )
    .await?;
    Ok(signed_in)
}

/// Whether a reset link is still good (the page with the form shows it), and whose it is.
pub async fn check_reset(store: &Store, secret: &str) -> Result<users::UserRow, PasswordError> {
    let mut conn = store.conn().await?;
    let link = links::peek(&mut conn, Purpose::Reset, secret, clock::now()).await?;
    users::by_id(&mut conn, link.user_id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => PasswordError::Link(LinkError::Unknown),
            other => other.into(),
        })
}

/// Sets the new password of the link's person (checked by the caller against the rules),
/// ends every other session of theirs and signs them in here (the mailed link also proves
/// their email).
#[instrument(skip_all)]
pub async fn reset(
    desk: &Desk<'_>,
    policy: &SessionPolicy,
    secret: &str,
    password: Password,
    replacing: Option<&SessionToken>,
) -> Result<SignedIn, PasswordError> {
    let chosen = links::choose_password(desk.store, Purpose::Reset, secret, password).await?;
    let (person, now) = (&chosen.person, chosen.now);
    let mut tx = desk.store.begin().await?;
    chosen.keep(&mut tx).await?;
    sessions::delete_for_user(&mut tx, person.id, None).await?;
    // Any other reset link mailed before is void now.
    auth_links::retire(&mut tx, person.id, Purpose::Reset, now).await?;
    let signed_in = auth::open_session(
        &mut tx,
        policy,
        person,
        desk.origin,
        replacing,
        "password_reset",
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(signed_in)
}

/// Changes the signed-in person's password after checking the current one; ends their
/// other sessions (this one stays) and tells them by mail.
#[instrument(skip_all, fields(user = %user.user))]
pub async fn change(
    desk: &Desk<'_>,
    user: &SessionUser,
    session: &SessionToken,
    current: Password,
    new: Password,
) -> Result<u64, PasswordError> {
    let now = clock::now();
    let (stored, person) = {
        let mut conn = desk.store.conn().await?;
        let stored = users::password_hash(&mut conn, user.user.id())
            .await?
            .ok_or(PasswordError::WrongPassword)?;
        (stored, users::by_id(&mut conn, user.user.id()).await?)
    };
    if !auth::verify_within_budget(current, stored).await? {
        return Err(PasswordError::WrongPassword);
    }
    let hash = auth::hash_within_budget(new).await?;
    let reference = user.user.to_string();
    let mut tx = desk.store.begin().await?;
    users::set_password(&mut tx, person.id, &hash).await?;
    let ended = sessions::delete_for_user(&mut tx, person.id, Some(&session.storage_key())).await?;
    auth_links::retire(&mut tx, person.id, Purpose::Reset, now).await?;
    let (to, locale) = recipient(&person, desk.business.default_locale);
    let link = format!(
        "{}/forgot-password",
        desk.public_origin.trim_end_matches('/')
    );
    tell(&mut tx, &to, locale, MailTemplate::PasswordChanged, link).await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "password_changed", desk.origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(ended)
}
