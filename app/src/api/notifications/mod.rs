//! In-app notifications: the signed-in person's newest, and marking them read.

use crate::error::ApiError;
use doorstep::dto::Notice;
use leptos::prelude::*;

/// The signed-in person's newest notifications, newest first.
#[server(endpoint = "notifications")]
pub async fn get_notifications() -> Result<Vec<Notice>, ApiError> {
    use crate::api::support::{info, internal, state};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    doorstep::services::notifications::newest(&state()?.store, &user)
        .await
        .map_err(|e| internal("reading notifications failed", e))
}

/// Marks all of the signed-in person's notifications read; the form lands back on the list.
#[server(endpoint = "mark-notifications-read")]
pub async fn mark_notifications_read() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    doorstep::services::notifications::mark_read(&state()?.store, &user)
        .await
        .map_err(|e| internal("marking notifications read failed", e))?;
    leptos_axum::redirect("/notifications");
    Ok(())
}
