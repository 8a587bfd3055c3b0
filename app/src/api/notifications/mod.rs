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

/// The kinds of visit mail (of `doorstep::dto::MAIL_KINDS`) the signed-in customer gets.
#[server(endpoint = "mail-preferences")]
pub async fn get_mail_preferences() -> Result<Vec<String>, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ViewOwnAccount)?;
    let off = doorstep::services::notifications::opted_out(&state()?.store, &user)
        .await
        .map_err(|e| internal("reading mail preferences failed", e))?;
    Ok(doorstep::dto::MAIL_KINDS
        .into_iter()
        .filter(|k| !off.iter().any(|o| o == k))
        .map(str::to_string)
        .collect())
}

/// Which visit mails the signed-in customer gets: each kind is a check box, present when
/// ticked (`booked`, `en_route`, `completed`, `slipped`).
#[server(endpoint = "save-mail-preferences")]
pub async fn save_mail_preferences(
    #[server(default)] booked: Option<String>,
    #[server(default)] en_route: Option<String>,
    #[server(default)] completed: Option<String>,
    #[server(default)] slipped: Option<String>,
) -> Result<(), ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ViewOwnAccount)?;
    let ticked = [booked, en_route, completed, slipped];
    let wanted: Vec<&str> = doorstep::dto::MAIL_KINDS
        .into_iter()
        .zip(ticked)
        .filter(|(_, box_)| box_.as_deref().is_some_and(|v| !v.is_empty()))
        .map(|(k, _)| k)
        .collect();
    doorstep::services::notifications::set_mailed(&state()?.store, &user, &wanted)
        .await
        .map_err(|e| internal("saving mail preferences failed", e))?;
    leptos_axum::redirect("/notifications?saved=1");
    Ok(())
}
