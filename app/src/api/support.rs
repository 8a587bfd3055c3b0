//! What every server function needs on the server: the state, the caller, their rights,
//! cookies, and turning errors into the right HTTP answer.

use crate::error::ApiError;
use crate::request::{self, RequestInfo};
use crate::state::AppState;
use doorstep::dto::SessionUser;
use doorstep::permissions::Permission;
use http::HeaderValue;
use http::header::{ACCEPT, SET_COOKIE};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        ApiError::Internal
    })
}

pub fn info() -> RequestInfo {
    request::current()
}

/// The signed-in caller, if they hold `permission`; the server's only gate.
pub fn require(permission: Permission) -> Result<SessionUser, ApiError> {
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    if user.role.allows(permission) {
        Ok(user)
    } else {
        tracing::info!(user = %user.user, ?permission, "refused");
        Err(ApiError::Forbidden)
    }
}

/// Whether the request came from a plain HTML form (no JavaScript), which must be answered
/// with a redirect rather than a status code.
fn from_html_form() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Gives an API client the error's status code (a form post keeps its redirect).
pub fn finish<T>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(err) = &result
        && !from_html_form()
        && let (Some(res), Ok(status)) = (
            use_context::<ResponseOptions>(),
            http::StatusCode::from_u16(err.status()),
        )
    {
        res.set_status(status);
    }
    result
}

/// Logs an internal failure once, with its cause, and returns the generic error.
pub fn internal(context: &str, err: impl std::fmt::Display) -> ApiError {
    tracing::error!(%err, "{context}");
    ApiError::Internal
}

/// Adds a `Set-Cookie` header with Doorstep's cookie attributes.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64) {
    let secure = state().is_ok_and(|s| s.secure_cookies);
    let cookie = request::set_cookie_value(name, value, max_age_secs, secure);
    if let (Some(res), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        res.append_header(SET_COOKIE, value);
    }
}
