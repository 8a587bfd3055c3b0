//! Changing plans: move a visit to another offered window, cancel it with a reason, or,
//! too close to it for that, ask the office. Each lands back on the visit's page.

use crate::error::ApiError;
use doorstep::dto::BookedVisit;
use leptos::prelude::*;

/// `visit`: its reference; `window`: the new window's start (UTC seconds) as offered.
#[server(endpoint = "reschedule-visit")]
pub async fn reschedule_visit(visit: String, window: String) -> Result<BookedVisit, ApiError> {
    imp::reschedule(visit, window).await
}

/// `reason`: why, in the customer's words (required).
#[server(endpoint = "cancel-visit")]
pub async fn cancel_visit(
    visit: String,
    #[server(default)] reason: Option<String>,
) -> Result<(), ApiError> {
    imp::cancel(visit, reason.unwrap_or_default()).await
}

/// `message`: what the customer would like changed (required).
#[server(endpoint = "ask-office")]
pub async fn ask_office(
    visit: String,
    #[server(default)] message: Option<String>,
) -> Result<(), ApiError> {
    imp::ask_office(visit, message.unwrap_or_default()).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::BookedVisit;
    use doorstep::error::FieldError;
    use doorstep::ids::VisitRef;
    use doorstep::services::availability::AvailabilityError;
    use doorstep::services::booking::BookingError;
    use doorstep::services::changes::{self, ChangeError, REASON_MAX};
    use jiff::Timestamp;

    fn signed_in() -> Result<doorstep::dto::SessionUser, ApiError> {
        info().user.ok_or(ApiError::Unauthenticated)
    }

    fn visit_ref(raw: &str) -> Result<VisitRef, ApiError> {
        VisitRef::parse(raw).ok_or(ApiError::NotFound)
    }

    /// A required text of at most [`REASON_MAX`] characters, trimmed.
    fn text(field: &str, raw: &str) -> Result<String, ApiError> {
        let keep = echo(&[(field, raw)]);
        let value = raw.trim();
        if value.is_empty() {
            return Err(ApiError::field(field, FieldError::Required, keep));
        }
        if value.chars().count() > REASON_MAX {
            return Err(ApiError::field(
                field,
                FieldError::TooLong { max: REASON_MAX },
                keep,
            ));
        }
        Ok(value.to_string())
    }

    fn map(err: ChangeError, keep: crate::error::Echo) -> ApiError {
        match err {
            ChangeError::NotFound => ApiError::NotFound,
            ChangeError::Closed => ApiError::VisitClosed,
            ChangeError::TooMany => ApiError::TooManyRequests,
            ChangeError::TooLate { notice_hours } => ApiError::TooLate { notice_hours },
            ChangeError::Booking(BookingError::NotPlaced) => ApiError::LocationNotPlaced,
            ChangeError::Booking(BookingError::JustTaken { alternatives }) => {
                crate::api::booking::window_taken(&alternatives, keep)
            }
            ChangeError::Booking(BookingError::Availability(
                AvailabilityError::DateOutOfRange | AvailabilityError::TooManyDays,
            )) => ApiError::field("window", FieldError::OutOfRange, keep),
            other => internal("changing a visit failed", other),
        }
    }

    pub async fn reschedule(visit: String, window: String) -> Result<BookedVisit, ApiError> {
        let user = signed_in()?;
        let visit = visit_ref(&visit)?;
        let window_start = window
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(|| ApiError::field("window", FieldError::Required, echo(&[])))?;
        let state = state()?;
        let info = info();
        let moved = changes::reschedule(
            &state.store,
            &state.business(),
            &user,
            visit,
            window_start,
            Timestamp::now(),
            &info.origin,
        )
        .await
        .map_err(|e| map(e, echo(&[])))?;
        leptos_axum::redirect(&format!("/visits/{}?moved=1", moved.visit));
        Ok(BookedVisit {
            visit: moved.visit,
            window_start: moved.window.0.as_second(),
            window_end: moved.window.1.as_second(),
        })
    }

    pub async fn cancel(visit: String, reason: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let visit = visit_ref(&visit)?;
        let reason = text("reason", &reason)?;
        let keep = echo(&[("reason", &reason)]);
        let state = state()?;
        let info = info();
        changes::cancel(
            &state.store,
            &state.business(),
            &user,
            visit,
            &reason,
            Timestamp::now(),
            &info.origin,
        )
        .await
        .map_err(|e| map(e, keep))?;
        leptos_axum::redirect(&format!("/visits/{visit}?cancelled=1"));
        Ok(())
    }

    pub async fn ask_office(visit: String, message: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let visit = visit_ref(&visit)?;
        let message = text("message", &message)?;
        let keep = echo(&[("message", &message)]);
        let state = state()?;
        let info = info();
        changes::ask_office(&state.store, &user, visit, &message, &info.origin)
            .await
            .map_err(|e| map(e, keep))?;
        leptos_axum::redirect(&format!("/visits/{visit}?asked=1"));
        Ok(())
    }
}
