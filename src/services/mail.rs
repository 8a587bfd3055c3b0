//! Mail to people: queued in the transaction of the change that causes it (a row of
//! `mail_messages` and a background task to send it), rendered and sent by the server's
//! mail handler in the recipient's language.

use crate::email::Email;
use crate::locale::Locale;
use crate::services::{clock, tasks};
use crate::store::mail::NewMail;
use crate::store::{Conn, Store, StoreError};
use std::collections::BTreeMap;
use std::time::Duration;

/// The background task kind that sends one message; its payload is `{"mail": ID}`.
pub const SEND_MAIL: &str = "mail.send";
/// Attempts a message gets before it is given up: with the worker's pauses (30 s doubling
/// to an hour, then hourly) the last comes about a day after the first, long enough to ride
/// out a mail server's bad day.
pub const SEND_ATTEMPTS: i64 = 30;

/// Which mail it is: each has its texts in the Fluent files (`mail-<name>-…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailTemplate {
    /// Sent by `doorstep mail-test` to check the mail settings.
    SettingsCheck,
    /// A visit was booked (service, date, from, to, technician, reference, name).
    VisitBooked,
    /// A visit moved to another window (the same arguments).
    VisitRescheduled,
    /// A visit was cancelled (service, date, from, to, reference, name, reason).
    VisitCancelled,
    /// A visit is coming up (as booked).
    VisitReminder,
    /// A customer asked for a quote (name, reference, service, place).
    QuoteRequested,
    /// A customer asked to be called (the same arguments; service may be empty).
    CallbackRequested,
    /// A customer reported a problem (name, reference, place, hours: the response time).
    ProblemReported,
    /// The office asks about a request (name, reference, place, message).
    RequestQuestion,
    /// The office declined a request (name, reference, place, message: the reason).
    RequestDeclined,
    /// The technician is on the way (as booked; from, to: the window expected now).
    VisitOnTheWay,
    /// The visit is completed; its service report is in the portal (as booked).
    VisitCompleted,
    /// The technician's day runs late (as booked; from, to: the window expected now).
    VisitSlipped,
    /// A newcomer proves their email (name, link).
    VerifyEmail,
    /// Someone signed up with an address that has an account already (name, link: the
    /// sign-in page).
    SignUpExisting,
    /// A link to choose a new password (name, link).
    PasswordReset,
    /// The password was changed (name, link: the page to reset it, if it was not them).
    PasswordChanged,
    /// A link that signs in without a password (name, link).
    SignInLink,
    /// An invitation to join a customer account (name, inviter, account, link).
    Invitation,
    /// A link proving a new sign-in email, sent to it (name, link).
    ConfirmEmail,
    /// The sign-in email was changed, told to the old one (name, link: the reset page).
    EmailChanged,
    /// Someone asked to move another account to this address, which has one (name, link:
    /// the sign-in page).
    EmailInUse,
    /// To admins: a burst of failed sign-ins (name, count, minutes).
    FailedSignIns,
    /// To admins: a staff member signed in from a new network (name, person, ip).
    NewNetworkSignIn,
    /// A passkey was added to the account (name, link: the passkeys page).
    PasskeyAdded,
    /// A message has waited unread (name, from, visit: its reference or empty for the
    /// support thread, link: the thread).
    MessageWaiting,
}

impl MailTemplate {
    pub const ALL: [MailTemplate; 26] = [
        Self::SettingsCheck,
        Self::VisitBooked,
        Self::VisitRescheduled,
        Self::VisitCancelled,
        Self::VisitReminder,
        Self::QuoteRequested,
        Self::CallbackRequested,
        Self::ProblemReported,
        Self::RequestQuestion,
        Self::RequestDeclined,
        Self::VisitOnTheWay,
        Self::VisitCompleted,
        Self::VisitSlipped,
        Self::VerifyEmail,
        Self::SignUpExisting,
        Self::PasswordReset,
        Self::PasswordChanged,
        Self::SignInLink,
        Self::Invitation,
        Self::ConfirmEmail,
        Self::EmailChanged,
        Self::EmailInUse,
        Self::FailedSignIns,
        Self::NewNetworkSignIn,
        Self::PasskeyAdded,
        Self::MessageWaiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SettingsCheck => "settings-check",
            Self::VisitBooked => "visit-booked",
            Self::VisitRescheduled => "visit-rescheduled",
            Self::VisitCancelled => "visit-cancelled",
            Self::VisitReminder => "visit-reminder",
            Self::QuoteRequested => "quote-requested",
            Self::CallbackRequested => "callback-requested",
            Self::ProblemReported => "problem-reported",
            Self::RequestQuestion => "request-question",
            Self::RequestDeclined => "request-declined",
            Self::VisitOnTheWay => "visit-on-the-way",
            Self::VisitCompleted => "visit-completed",
            Self::VisitSlipped => "visit-slipped",
            Self::VerifyEmail => "verify-email",
            Self::SignUpExisting => "sign-up-existing",
            Self::PasswordReset => "password-reset",
            Self::PasswordChanged => "password-changed",
            Self::SignInLink => "sign-in-link",
            Self::Invitation => "invitation",
            Self::ConfirmEmail => "confirm-email",
            Self::EmailChanged => "email-changed",
            Self::EmailInUse => "email-in-use",
            Self::FailedSignIns => "failed-sign-ins",
            Self::NewNetworkSignIn => "new-network-sign-in",
            Self::PasskeyAdded => "passkey-added",
            Self::MessageWaiting => "message-waiting",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "settings-check" => Some(Self::SettingsCheck),
            "visit-booked" => Some(Self::VisitBooked),
            "visit-rescheduled" => Some(Self::VisitRescheduled),
            "visit-cancelled" => Some(Self::VisitCancelled),
            "visit-reminder" => Some(Self::VisitReminder),
            "quote-requested" => Some(Self::QuoteRequested),
            "callback-requested" => Some(Self::CallbackRequested),
            "problem-reported" => Some(Self::ProblemReported),
            "request-question" => Some(Self::RequestQuestion),
            "request-declined" => Some(Self::RequestDeclined),
            "visit-on-the-way" => Some(Self::VisitOnTheWay),
            "visit-completed" => Some(Self::VisitCompleted),
            "visit-slipped" => Some(Self::VisitSlipped),
            "verify-email" => Some(Self::VerifyEmail),
            "sign-up-existing" => Some(Self::SignUpExisting),
            "password-reset" => Some(Self::PasswordReset),
            "password-changed" => Some(Self::PasswordChanged),
            "sign-in-link" => Some(Self::SignInLink),
            "invitation" => Some(Self::Invitation),
            "confirm-email" => Some(Self::ConfirmEmail),
            "email-changed" => Some(Self::EmailChanged),
            "email-in-use" => Some(Self::EmailInUse),
            "failed-sign-ins" => Some(Self::FailedSignIns),
            "new-network-sign-in" => Some(Self::NewNetworkSignIn),
            "passkey-added" => Some(Self::PasskeyAdded),
            "message-waiting" => Some(Self::MessageWaiting),
            _ => None,
        }
    }
}

/// Who a mail goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    /// Their chosen language; the business's default when they chose none.
    pub locale: Option<Locale>,
}

impl Recipient {
    /// A person as stored: their chosen language, if it is one the portal speaks.
    pub fn stored(email: String, name: String, locale: Option<&str>) -> Self {
        Self {
            email,
            name,
            locale: locale.and_then(|l| Locale::parse(l).ok()),
        }
    }
}

/// The person `user_id`, as a mail reaches them; `None` when they are disabled or gone.
pub async fn recipient_of(conn: &mut Conn, user_id: i64) -> Result<Option<Recipient>, StoreError> {
    match crate::store::users::by_id(conn, user_id).await {
        Ok(user) => Ok(Some(Recipient::stored(
            user.email,
            user.name,
            user.locale.as_deref(),
        ))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

impl From<&crate::dto::SessionUser> for Recipient {
    fn from(user: &crate::dto::SessionUser) -> Self {
        Self {
            email: user.email.clone(),
            name: user.name.clone(),
            locale: user.locale,
        }
    }
}

/// A message to queue.
#[derive(Clone, Debug)]
pub struct Mail<'a> {
    pub to: Email,
    pub to_name: Option<&'a str>,
    pub locale: Locale,
    pub template: MailTemplate,
    pub args: BTreeMap<String, String>,
}

/// The payload of a send task.
pub fn send_payload(mail_id: i64) -> String {
    format!("{{\"mail\":{mail_id}}}")
}

/// The message id a send task's payload names.
pub fn parse_send_payload(payload: &str) -> Option<i64> {
    let value: serde_json::Value = serde_json::from_str(payload).ok()?;
    value.get("mail")?.as_i64()
}

/// Writes the message and its send task; use the transaction of the change it tells of.
pub async fn queue(conn: &mut Conn, mail: &Mail<'_>) -> Result<i64, StoreError> {
    let args = serde_json::to_string(&mail.args).unwrap_or_else(|_| "{}".into());
    let id = crate::store::mail::insert(
        conn,
        &NewMail {
            to_address: mail.to.as_str(),
            to_name: mail.to_name,
            locale: mail.locale.code(),
            template: mail.template.as_str(),
            args: &args,
        },
        clock::now(),
    )
    .await?;
    tasks::enqueue(
        conn,
        SEND_MAIL,
        &send_payload(id),
        Duration::ZERO,
        SEND_ATTEMPTS,
    )
    .await?;
    Ok(id)
}

/// Queues the message that checks the mail settings (`doorstep mail-test`).
pub async fn queue_settings_check(
    store: &Store,
    to: &Email,
    locale: Locale,
) -> Result<i64, StoreError> {
    let mut tx = store.begin().await?;
    let id = queue(
        &mut tx,
        &Mail {
            to: to.clone(),
            to_name: None,
            locale,
            template: MailTemplate::SettingsCheck,
            args: BTreeMap::new(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_and_templates_round_trip() {
        assert_eq!(parse_send_payload(&send_payload(42)), Some(42));
        assert_eq!(parse_send_payload("{}"), None);
        assert_eq!(parse_send_payload("nonsense"), None);
        for t in MailTemplate::ALL {
            assert_eq!(MailTemplate::parse(t.as_str()), Some(t));
        }
        assert_eq!(MailTemplate::parse("other"), None);
    }
}
