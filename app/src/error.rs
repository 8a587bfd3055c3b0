//! The one error type every server function returns. Its `error` tag is a stable code that
//! also names the Fluent message shown to people; internals never travel in it.

use doorstep::error::FieldError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Non-secret values a person typed, handed back with an error so a form posted without
/// JavaScript comes back filled in.
pub type Echo = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ApiError {
    /// A field's value was refused.
    #[error("invalid {field}: {problem}")]
    InvalidField {
        field: String,
        problem: FieldError,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// Several fields of one form were refused: each with its problem, in form order.
    #[error("invalid fields")]
    InvalidFields {
        problems: Vec<FieldProblem>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// Unknown email or wrong password; one answer for both.
    #[error("invalid credentials")]
    InvalidCredentials {
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// The password was right, but the email is not proven yet: the page offers to send the
    /// link again.
    #[error("email not verified")]
    EmailNotVerified {
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// The business does not take sign-ups: the office opens accounts.
    #[error("sign-up closed")]
    SignUpClosed,
    /// A mailed link past its time; a new one can be asked for.
    #[error("link expired")]
    LinkExpired,
    /// A mailed link used already.
    #[error("link used")]
    LinkUsed,
    /// A sign-in link opened in another browser than the one that asked for it.
    #[error("link of another browser")]
    LinkOtherBrowser,
    /// A sign-in waiting for its code is gone (too late, too many tries): start again.
    #[error("sign in again")]
    SignInAgain,
    /// Staff must set up two-step sign-in before anything else.
    #[error("two-step sign-in required")]
    TwoStepRequired,
    /// Single sign-on did not work: the provider refused, failed or answered wrongly.
    #[error("single sign-on failed")]
    SsoFailed,
    /// The provider's verified email is no active staff member's here.
    #[error("not one of the staff")]
    SsoNotStaff,
    /// A passkey's answer was checked and refused (made for another site, not verified by
    /// its owner, a bad signature).
    #[error("passkey refused")]
    PasskeyRefused,
    /// Not a passkey of this portal (never added, or removed since).
    #[error("unknown passkey")]
    PasskeyUnknown,
    /// At the second step of a sign-in: the passkey of someone else.
    #[error("someone else's passkey")]
    PasskeyNotYours,
    /// This device's passkey is on the account already.
    #[error("passkey added already")]
    PasskeyAdded,
    /// As many passkeys as one person keeps.
    #[error("too many passkeys")]
    TooManyPasskeys,
    /// The passkey's ceremony took too long (or was used): start again.
    #[error("passkey ceremony expired")]
    PasskeyExpired,
    #[error("sign in first")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    RateLimited {
        retry_after_secs: u64,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// The chosen arrival window was just taken (or is no longer offered); the nearest
    /// open ones, nearest first.
    #[error("window taken")]
    WindowTaken {
        alternatives: Vec<doorstep::dto::WindowOffer>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// Too close to the visit to change it online; the office can still help.
    #[error("too late to change online")]
    TooLate { notice_hours: i64 },
    /// The visit is done or cancelled: nothing more to change.
    #[error("visit closed")]
    VisitClosed,
    /// The job is not where that step starts from: taken already (another phone, a double
    /// tap) or out of order.
    #[error("step out of order")]
    StepOutOfOrder,
    /// The change would leave a customer account without an owner.
    #[error("the account would have no owner")]
    LastOwner,
    /// The change would leave the business without an active admin.
    #[error("the business would have no admin")]
    LastAdmin,
    /// A position for a job that is not on the way (any more), or past the shift: the
    /// phone stops sharing.
    #[error("not sharing")]
    NotSharing,
    /// The location has no position on the map yet, so it cannot be booked for.
    #[error("location has no position")]
    LocationNotPlaced,
    /// The account has as many open requests as it may; the office answers them first.
    #[error("too many open requests")]
    TooManyRequests,
    /// Someone handled the request already.
    #[error("request handled already")]
    RequestHandled,
    /// The recurring plan has ended: nothing more to change.
    #[error("plan ended")]
    PlanEnded,
    /// The visit does not fit the technician's day at that time; who could take it then,
    /// best first.
    #[error("does not fit")]
    DoesNotFit {
        could: Vec<doorstep::dto::board::MoveAlternative>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        echo: Echo,
    },
    /// The request itself was malformed (missing or undecodable arguments).
    #[error("malformed request")]
    BadRequest,
    /// Something failed on our side; the cause is in the server's log, not here.
    #[error("internal error")]
    Internal,
}

impl ApiError {
    /// The Fluent message id explaining this error.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::InvalidField { problem, .. } => problem.message_key(),
            Self::InvalidFields { .. } => "error-invalid-fields",
            Self::InvalidCredentials { .. } => "error-invalid-credentials",
            Self::EmailNotVerified { .. } => "error-email-not-verified",
            Self::SignUpClosed => "error-sign-up-closed",
            Self::LinkExpired => "error-link-expired",
            Self::LinkUsed => "error-link-used",
            Self::LinkOtherBrowser => "error-link-other-browser",
            Self::SignInAgain => "error-sign-in-again",
            Self::TwoStepRequired => "error-two-step-required",
            Self::SsoFailed => "error-sso-failed",
            Self::SsoNotStaff => "error-sso-not-staff",
            Self::PasskeyRefused => "error-passkey-refused",
            Self::PasskeyUnknown => "error-passkey-unknown",
            Self::PasskeyNotYours => "error-passkey-not-yours",
            Self::PasskeyAdded => "error-passkey-added",
            Self::TooManyPasskeys => "error-too-many-passkeys",
            Self::PasskeyExpired => "error-passkey-expired",
            Self::Unauthenticated => "error-unauthenticated",
            Self::Forbidden => "error-forbidden",
            Self::NotFound => "error-not-found",
            Self::RateLimited { .. } => "error-rate-limited",
            Self::WindowTaken { .. } => "error-window-taken",
            Self::TooLate { .. } => "error-too-late",
            Self::VisitClosed => "error-visit-closed",
            Self::StepOutOfOrder => "error-step-out-of-order",
            Self::LastOwner => "error-last-owner",
            Self::LastAdmin => "error-last-admin",
            Self::NotSharing => "error-not-sharing",
            Self::LocationNotPlaced => "error-location-not-placed",
            Self::TooManyRequests => "error-too-many-requests",
            Self::RequestHandled => "error-request-handled",
            Self::PlanEnded => "error-plan-ended",
            Self::DoesNotFit { .. } => "error-does-not-fit",
            Self::BadRequest => "error-bad-request",
            Self::Internal => "error-internal",
        }
    }

    /// The HTTP status an API client receives.
    pub fn status(&self) -> u16 {
        match self {
            Self::InvalidField { .. }
            | Self::InvalidFields { .. }
            | Self::BadRequest
            | Self::PasskeyRefused => 400,
            Self::InvalidCredentials { .. } | Self::Unauthenticated => 401,
            Self::Forbidden
            | Self::EmailNotVerified { .. }
            | Self::SignUpClosed
            | Self::LinkOtherBrowser
            | Self::TwoStepRequired
            | Self::SsoNotStaff
            | Self::PasskeyNotYours => 403,
            Self::SsoFailed => 502,
            Self::LinkExpired | Self::LinkUsed | Self::SignInAgain | Self::PasskeyExpired => 410,
            Self::NotFound | Self::PasskeyUnknown => 404,
            Self::RateLimited { .. } => 429,
            Self::WindowTaken { .. }
            | Self::TooLate { .. }
            | Self::VisitClosed
            | Self::StepOutOfOrder
            | Self::LastOwner
            | Self::LastAdmin
            | Self::NotSharing
            | Self::LocationNotPlaced
            | Self::TooManyRequests
            | Self::RequestHandled
            | Self::PlanEnded
            | Self::PasskeyAdded
            | Self::TooManyPasskeys
            | Self::DoesNotFit { .. } => 409,
            Self::Internal => 500,
        }
    }

    pub fn field(field: &str, problem: FieldError, echo: Echo) -> Self {
        Self::InvalidField {
            field: field.to_string(),
            problem,
            echo,
        }
    }

    /// Refused fields of a form posted as `fields[…]`, with everything typed handed back
    /// (names of unknown length are dropped, values cut to what an echo keeps).
    pub fn fields_refused<K: Into<String>>(
        problems: impl IntoIterator<Item = (K, FieldError)>,
        typed: &std::collections::BTreeMap<String, String>,
    ) -> Self {
        Self::refused(
            problems,
            typed
                .iter()
                .filter(|(k, _)| k.len() <= 40)
                .map(|(k, v)| (k.clone(), v.chars().take(ECHO_MAX).collect()))
                .collect(),
        )
    }

    /// Refused fields, each with its problem, and what was typed.
    pub fn refused<K: Into<String>>(
        problems: impl IntoIterator<Item = (K, FieldError)>,
        echo: Echo,
    ) -> Self {
        Self::InvalidFields {
            problems: problems
                .into_iter()
                .map(|(field, problem)| FieldProblem {
                    field: field.into(),
                    problem,
                })
                .collect(),
            echo,
        }
    }

    /// The field this error belongs next to, if any.
    pub fn field_name(&self) -> Option<&str> {
        match self {
            Self::InvalidField { field, .. } => Some(field),
            _ => None,
        }
    }

    /// What the person typed, to fill the form in again.
    pub fn echo(&self, name: &str) -> Option<&str> {
        match self {
            Self::InvalidField { echo, .. }
            | Self::InvalidFields { echo, .. }
            | Self::InvalidCredentials { echo }
            | Self::EmailNotVerified { echo }
            | Self::RateLimited { echo, .. }
            | Self::WindowTaken { echo, .. }
            | Self::DoesNotFit { echo, .. } => echo.get(name).map(String::as_str),
            _ => None,
        }
    }

    /// The problem with field `name`, from either kind of field error.
    pub fn problem_with(&self, name: &str) -> Option<&FieldError> {
        match self {
            Self::InvalidField { field, problem, .. } if field == name => Some(problem),
            Self::InvalidFields { problems, .. } => problems
                .iter()
                .find(|p| p.field == name)
                .map(|p| &p.problem),
            _ => None,
        }
    }

    /// One of each kind, for tests that every kind has a translated message.
    pub fn examples() -> Vec<ApiError> {
        vec![
            Self::InvalidCredentials { echo: Echo::new() },
            Self::EmailNotVerified { echo: Echo::new() },
            Self::SignUpClosed,
            Self::LinkExpired,
            Self::LinkUsed,
            Self::LinkOtherBrowser,
            Self::SignInAgain,
            Self::TwoStepRequired,
            Self::SsoFailed,
            Self::SsoNotStaff,
            Self::PasskeyRefused,
            Self::PasskeyUnknown,
            Self::PasskeyNotYours,
            Self::PasskeyAdded,
            Self::TooManyPasskeys,
            Self::PasskeyExpired,
            Self::InvalidFields {
                problems: Vec::new(),
                echo: Echo::new(),
            },
            Self::Unauthenticated,
            Self::Forbidden,
            Self::NotFound,
            Self::RateLimited {
                retry_after_secs: 1,
                echo: Echo::new(),
            },
            Self::WindowTaken {
                alternatives: Vec::new(),
                echo: Echo::new(),
            },
            Self::TooLate { notice_hours: 24 },
            Self::VisitClosed,
            Self::StepOutOfOrder,
            Self::LastOwner,
            Self::LastAdmin,
            Self::NotSharing,
            Self::LocationNotPlaced,
            Self::TooManyRequests,
            Self::RequestHandled,
            Self::PlanEnded,
            Self::DoesNotFit {
                could: Vec::new(),
                echo: Echo::new(),
            },
            Self::BadRequest,
            Self::Internal,
        ]
    }
}

/// The most characters of one value handed back: a little over the longest text field
/// (a problem's description), so a value refused for being too long comes back whole.
const ECHO_MAX: usize = 2100;

/// One refused field of a form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: FieldError,
}

/// Builds an [`Echo`] from name/value pairs.
pub fn echo(pairs: &[(&str, &str)]) -> Echo {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.chars().take(ECHO_MAX).collect()))
        .collect()
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => Self::BadRequest,
            _ => Self::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_is_pinned() {
        let e = ApiError::field(
            "email",
            FieldError::InvalidEmail,
            echo(&[("email", "ana@")]),
        );
        assert_eq!(
            serde_json::to_string(&e).expect("json"),
            r#"{"error":"invalid_field","field":"email","problem":{"problem":"invalid_email"},"echo":{"email":"ana@"}}"#
        );
        assert_eq!(
            serde_json::to_string(&ApiError::Forbidden).expect("json"),
            r#"{"error":"forbidden"}"#
        );
        assert_eq!(
            serde_json::to_string(&ApiError::InvalidCredentials { echo: Echo::new() })
                .expect("json"),
            r#"{"error":"invalid_credentials"}"#
        );
        let back: ApiError =
            serde_json::from_str(r#"{"error":"invalid_credentials","echo":{"email":"a@b.co"}}"#)
                .expect("parse");
        assert_eq!(back.echo("email"), Some("a@b.co"));
    }
}
