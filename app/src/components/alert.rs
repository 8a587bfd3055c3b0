//! Messages for errors, shown translated and announced to screen readers.

use crate::error::ApiError;
use crate::i18n::{self, Arg, tr};
use doorstep::error::FieldError;
use doorstep::locale::Locale;
use leptos::prelude::*;

/// The translated sentence for an error, in the page's language.
pub fn error_message(error: &ApiError) -> String {
    error_message_in(i18n::locale(), error)
}

/// The translated sentence for an error, in `locale`.
pub fn error_message_in(locale: Locale, error: &ApiError) -> String {
    match error {
        ApiError::InvalidField { problem, .. } => field_message_in(locale, problem),
        ApiError::RateLimited {
            retry_after_secs, ..
        } if *retry_after_secs < 60 => tr(locale, "error-rate-limited-moment", &[]),
        ApiError::RateLimited {
            retry_after_secs, ..
        } => tr(
            locale,
            "error-rate-limited",
            &[(
                "minutes",
                Arg::Num(i64::try_from(retry_after_secs.div_ceil(60)).unwrap_or(1)),
            )],
        ),
        ApiError::TooLate { notice_hours } => tr(
            locale,
            "error-too-late",
            &[("hours", Arg::Num(*notice_hours))],
        ),
        other => tr(locale, other.message_key(), &[]),
    }
}

/// The translated sentence for one field's problem, in `locale`.
pub fn field_message_in(locale: Locale, problem: &FieldError) -> String {
    let args: Vec<(&str, Arg)> = problem
        .args()
        .into_iter()
        .map(|(k, v)| (k, Arg::Num(v)))
        .collect();
    tr(locale, problem.message_key(), &args)
}

/// A field's problem in the page's language.
pub fn field_message(problem: &FieldError) -> String {
    field_message_in(i18n::locale(), problem)
}

/// A box with an error message, announced as an alert.
#[component]
pub fn ErrorAlert(error: ApiError) -> impl IntoView {
    view! {
        <div class="alert alert-error" role="alert">
            <p>{error_message(&error)}</p>
        </div>
    }
}

/// What was just done, said once at the top of the page (announced by screen readers).
#[component]
pub fn DoneAlert(text: String) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status">
            <p>{text}</p>
        </div>
    }
}

/// The "done" message a page shows after `?saved=…`, unless a form came back refused; `key`
/// names the message of each kind of saving.
pub fn done_notice(
    saved: Option<String>,
    refused: bool,
    key: impl Fn(&str) -> &'static str,
) -> Option<impl IntoView> {
    saved
        .filter(|_| !refused)
        .map(|what| view! { <DoneAlert text=crate::i18n::t(key(&what)) /> })
}
