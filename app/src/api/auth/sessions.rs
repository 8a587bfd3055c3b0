//! "Where you're signed in": the person's own sessions, and ending them.

use crate::error::ApiError;
use doorstep::dto::SessionView;
use leptos::prelude::*;

#[server(endpoint = "sessions")]
pub async fn get_sessions() -> Result<Vec<SessionView>, ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.ok_or(ApiError::Unauthenticated)?;
    let current = info.session.ok_or(ApiError::Unauthenticated)?;
    doorstep::services::auth::own_sessions(&state()?.store, &user, &current)
        .await
        .map_err(|e| internal("listing sessions failed", e))
}

/// `session`: the handle of one of the person's own sessions.
#[server(endpoint = "end-session")]
pub async fn end_session(session: String) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
    let ended = doorstep::services::auth::end_own_session(
        &state()?.store,
        &user,
        session.trim(),
        &info.origin,
    )
    .await
    .map_err(|e| internal("ending a session failed", e))?;
    if !ended {
        return Err(ApiError::NotFound);
    }
    leptos_axum::redirect("/account?saved=session#sessions");
    Ok(())
}

#[server(endpoint = "end-other-sessions")]
pub async fn end_other_sessions() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
    let current = info.session.clone().ok_or(ApiError::Unauthenticated)?;
    let ended = doorstep::services::auth::end_other_sessions(
        &state()?.store,
        &user,
        &current,
        &info.origin,
    )
    .await
    .map_err(|e| internal("ending sessions failed", e))?;
    leptos_axum::redirect(&format!("/account?saved=sessions&ended={ended}#sessions"));
    Ok(())
}
