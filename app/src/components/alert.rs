//! Messages for errors, shown translated and announced to screen readers.

use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use leptos::prelude::*;

/// The translated sentence for an error.
pub fn error_message(error: &ApiError) -> String {
    match error {
        ApiError::InvalidField { problem, .. } => match problem.count() {
            Some(n) => t_with(
                problem.message_key(),
                &[("n", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))],
            ),
            None => t(problem.message_key()),
        },
        ApiError::RateLimited {
            retry_after_secs, ..
        } => t_with(
            "error-rate-limited",
            &[(
                "minutes",
                Arg::Num(i64::try_from(retry_after_secs.div_ceil(60)).unwrap_or(1)),
            )],
        ),
        other => t(other.message_key()),
    }
}

/// A box with an error message, announced as an alert.
#[component]
pub fn ErrorAlert(error: ApiError) -> impl IntoView {
    // A page showing an error is about this moment: never kept for the next visit.
    crate::request::keep_page_for(0);
    view! {
        <div class="alert alert-error" role="alert">
            <p>{error_message(&error)}</p>
        </div>
    }
}
