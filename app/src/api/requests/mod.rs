//! Requests to the office: customers send them (a quote, a call back, a problem report);
//! the office lists what is open, answers and marks it handled.

use crate::error::ApiError;
use doorstep::dto::RequestView;
use leptos::prelude::*;

pub mod problems;

#[cfg(feature = "ssr")]
fn refused(err: doorstep::services::requests::RequestError) -> ApiError {
    use doorstep::services::requests::RequestError;
    match err {
        RequestError::NotFound => ApiError::NotFound,
        RequestError::TooMany => ApiError::TooManyRequests,
        RequestError::Handled => ApiError::RequestHandled,
        other => crate::api::support::internal("requests failed", other),
    }
}

/// `location`, `service` (empty for a call back about nothing in particular): references;
/// `kind`: `quote` or `callback`; `notes`, `phone`: as typed.
#[server(endpoint = "send-request")]
pub async fn send_request(
    location: String,
    #[server(default)] service: Option<String>,
    kind: String,
    #[server(default)] notes: String,
    #[server(default)] phone: String,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use crate::error::echo;
    use doorstep::ids::{LocationRef, ServiceRef};
    use doorstep::permissions::Permission;
    use doorstep::requests::{RequestDraft, RequestKind};
    let user = require(Permission::BookVisits)?;
    let location = LocationRef::parse(&location).ok_or(ApiError::NotFound)?;
    let service = match service.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(ServiceRef::parse(raw).ok_or(ApiError::NotFound)?),
    };
    // A change request comes from its visit's page (`ask-office`), never from this form.
    let kind = RequestKind::parse(&kind)
        .filter(|k| k.from_form())
        .ok_or(ApiError::BadRequest)?;
    let draft = RequestDraft::parse(kind, &notes, &phone).map_err(|problems| {
        ApiError::refused(problems, echo(&[("notes", &notes), ("phone", &phone)]))
    })?;
    let state = state()?;
    let info = info();
    let sent = doorstep::services::requests::create(
        &state.store,
        &state.business(),
        &user,
        location,
        service,
        &draft,
        &info.origin,
    )
    .await
    .map_err(refused)?;
    leptos_axum::redirect(&format!("/requests/{sent}?sent=1"));
    Ok(())
}

/// `request`: a reference (`RQ-000001`).
#[server(endpoint = "request")]
pub async fn get_request(request: String) -> Result<RequestView, ApiError> {
    use crate::api::support::{info, state};
    use doorstep::ids::RequestRef;
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let request = RequestRef::parse(&request).ok_or(ApiError::NotFound)?;
    let state = state()?;
    doorstep::services::requests::get(
        &state.store,
        &user,
        request,
        info().locale,
        state.business().default_locale,
    )
    .await
    .map_err(refused)
}

#[server(endpoint = "office-requests")]
pub async fn get_open_requests() -> Result<Vec<RequestView>, ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    let state = state()?;
    doorstep::services::requests::open(&state.store, info().locale, state.business().default_locale)
        .await
        .map_err(|e| internal("listing requests failed", e))
}

/// `request`: a reference (`RQ-000001`).
#[server(endpoint = "handle-request")]
pub async fn mark_request_handled(request: String) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::ids::RequestRef;
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let request = RequestRef::parse(&request).ok_or(ApiError::NotFound)?;
    let state = state()?;
    doorstep::services::requests::mark_handled(&state.store, &user, request, &info().origin)
        .await
        .map_err(refused)?;
    leptos_axum::redirect(&format!("/office/requests?handled={request}"));
    Ok(())
}
