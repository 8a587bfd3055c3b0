//! Changing one's sign-in email. The password is asked again; a link mailed to the new
//! address proves it (a day, once), and only then does the person move. The old address is
//! told, so a stolen session cannot quietly take an account away. When the new address has an
//! account already, its holder is told instead and the asker's answer is the same, so this
//! form tells nobody who has an account.

use crate::dto::SessionUser;
use crate::email::Email;
use crate::password::Password;
use crate::services::auth::{self, SignInError};
use crate::services::clock;
use crate::services::links::{self, LinkError};
use crate::services::mail::MailTemplate;
use crate::services::passwords::{recipient, tell};
use crate::services::sign_up::Desk;
use crate::store::audit;
use crate::store::auth_links::{self, Purpose};
use crate::store::{Store, StoreError, sessions, users};
use tracing::instrument;

/// How long the link to the new address works.
pub const EMAIL_LINK_SECS: i64 = 24 * 3600;
/// Email changes one person may ask for in an hour.
pub const EMAIL_CHANGES_HOURLY: i64 = 3;
/// How long the old address may move the account back.
pub const RESTORE_SECS: i64 = 7 * 24 * 3600;
/// What marks the link that moves an account back to the address it was taken from.
const RESTORE: &str = "restore";

#[derive(Debug, thiserror::Error)]
pub enum EmailChangeError {
    /// The new address is the one the person has.
    #[error("that is the current email")]
    Same,
    #[error("the current password is not right")]
    WrongPassword,
    /// Too many changes asked for lately.
    #[error("too many email changes lately")]
    TooMany,
    /// The new address was taken by someone else after the link was sent.
    #[error("the address has an account now")]
    Taken,
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
}

impl From<StoreError> for EmailChangeError {
    fn from(e: StoreError) -> Self {
        Self::Link(LinkError::Store(e))
    }
}

/// Asks to move the signed-in person to `new`: checks their password, then mails the new
/// address a link (or, when it has an account, tells that account's holder).
#[instrument(skip_all, fields(user = %user.user))]
pub async fn request(
    desk: &Desk<'_>,
    user: &SessionUser,
    password: Password,
    new: &Email,
) -> Result<(), EmailChangeError> {
    if new.as_str() == user.email {
        return Err(EmailChangeError::Same);
    }
    let now = clock::now();
    let (stored, person, holder, recent) = {
        let mut conn = desk.store.conn().await?;
        let stored = users::password_hash(&mut conn, user.user.id())
            .await?
            .ok_or(EmailChangeError::WrongPassword)?;
        let person = users::by_id(&mut conn, user.user.id()).await?;
        let holder = match users::by_email(&mut conn, new.as_str()).await? {
            Some((id, _)) => Some(users::by_id(&mut conn, id).await?),
            None => None,
        };
        let recent =
            auth_links::sent_since(&mut conn, person.id, Purpose::Email, now - 3600).await?;
        (stored, person, holder, recent)
    };
    if !auth::verify_within_budget(password, stored).await? {
        return Err(EmailChangeError::WrongPassword);
    }
    if recent >= EMAIL_CHANGES_HOURLY {
        return Err(EmailChangeError::TooMany);
    }
    let reference = user.user.to_string();
    let mut tx = desk.store.begin().await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "email_change_asked", desk.origin)
            .by(&reference)
            .on(&reference)
            .detail(new.as_str()),
    )
    .await?;
    // Counted like a sent link either way, so the limit tells nothing either.
    let secret = links::issue_bound(
        &mut tx,
        links::Issue {
            purpose: Purpose::Email,
            user_id: person.id,
            now,
            ttl_secs: EMAIL_LINK_SECS,
            next_path: None,
            browser_hash: None,
            new_email: Some(new.as_str()),
        },
    )
    .await?;
    match holder {
        Some(holder) => {
            let (to, locale) = recipient(&holder, desk.business.default_locale);
            let link = format!("{}/sign-in", desk.public_origin.trim_end_matches('/'));
            tell(&mut tx, &to, locale, MailTemplate::EmailInUse, link).await?;
            // The link issued above stays unusable: nobody receives it.
        }
        None => {
            let (mut to, locale) = recipient(&person, desk.business.default_locale);
            to.email = new.as_str().to_string();
            let link = links::address(desk.public_origin, "/account/email", &secret);
            tell(&mut tx, &to, locale, MailTemplate::ConfirmEmail, link).await?;
        }
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// The address the link `secret` moves its person to, if the link is good to use.
pub async fn check(store: &Store, secret: &str) -> Result<String, EmailChangeError> {
    let mut conn = store.conn().await?;
    let link = links::peek(&mut conn, Purpose::Email, secret, clock::now()).await?;
    link.new_email
        .ok_or(EmailChangeError::Link(LinkError::Unknown))
}

/// Uses the link: the person's email becomes the proven new one, the links mailed before
/// end, and the old address is told, with a link back for a week. Sessions stay (the person
/// proved both the password and the new address); using the link back ends them all.
#[instrument(skip_all)]
pub async fn confirm(desk: &Desk<'_>, secret: &str) -> Result<String, EmailChangeError> {
    let now = clock::now();
    let (link, person) = {
        let mut conn = desk.store.conn().await?;
        let link = links::peek(&mut conn, Purpose::Email, secret, now).await?;
        let person = users::by_id(&mut conn, link.user_id)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => EmailChangeError::Link(LinkError::Unknown),
                other => other.into(),
            })?;
        (link, person)
    };
    let new = link
        .new_email
        .clone()
        .ok_or(EmailChangeError::Link(LinkError::Unknown))?;
    // A link that moves an account back (mailed to the address it was taken from) ends every
    // session and mails no way back of its own: nobody can take the account again by it.
    let restoring = link.next_path.as_deref() == Some(RESTORE);
    let mut tx = desk.store.begin().await?;
    links::consume(&mut tx, &link, now).await?;
    if users::email_taken(&mut tx, &new).await? {
        return Err(EmailChangeError::Taken);
    }
    users::set_email(&mut tx, person.id, &new, now)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => EmailChangeError::Taken,
            other => other.into(),
        })?;
    // Links mailed to the old address before are void now.
    for purpose in [
        Purpose::Email,
        Purpose::Reset,
        Purpose::SignIn,
        Purpose::Verify,
    ] {
        auth_links::retire(&mut tx, person.id, purpose, now).await?;
    }
    let reference = crate::ids::UserRef::from_id(person.id).to_string();
    let action = if restoring {
        "email_restored"
    } else {
        "email_changed"
    };
    audit::record(
        &mut tx,
        &audit::Entry::new(now, action, desk.origin)
            .by(&reference)
            .on(&reference)
            .detail(&format!("{} → {new}", person.email)),
    )
    .await?;
    if restoring {
        sessions::delete_for_user(&mut tx, person.id, None).await?;
        // "It was not me": passkeys added meanwhile must not outlast the way back.
        crate::store::passkeys::delete_for_user(&mut tx, person.id).await?;
    } else {
        // The old address gets a way back for a week: it moves the account back and signs
        // everyone out.
        let back = links::issue_bound(
            &mut tx,
            links::Issue {
                purpose: Purpose::Email,
                user_id: person.id,
                now,
                ttl_secs: RESTORE_SECS,
                next_path: Some(RESTORE),
                browser_hash: None,
                new_email: Some(&person.email),
            },
        )
        .await?;
        let (old, locale) = recipient(&person, desk.business.default_locale);
        let link = links::address(desk.public_origin, "/account/email", &back);
        tell(&mut tx, &old, locale, MailTemplate::EmailChanged, link).await?;
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(new)
}
