//! The caller's calendar feed: whether one is on, making a new one, turning it off.

use crate::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The caller's feed as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedStatus {
    /// When the active feed was made (UTC seconds), if there is one.
    pub since: Option<i64>,
    /// Its full address, when `secret` (from the address bar, right after making it) is
    /// the caller's active feed's.
    pub address: Option<String>,
}

#[server(endpoint = "calendar-feed")]
pub async fn get_calendar_feed(
    #[server(default)] secret: Option<String>,
) -> Result<FeedStatus, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::feeds::{self, FeedToken};
    let user = require(Permission::UseCalendarFeed)?;
    let state = state()?;
    let since = feeds::active_since(&state.store, &user)
        .await
        .map_err(|e| internal("reading the calendar feed failed", e))?;
    let mut address = None;
    if let Some(token) = secret.as_deref().and_then(FeedToken::parse) {
        let mine = feeds::read_owner(&state.store, &token)
            .await
            .map_err(|e| internal("reading the calendar feed failed", e))?
            == Some(user.user.id());
        if mine {
            address = Some(format!(
                "{}/feeds/{}.ics",
                state.public_origin,
                token.expose()
            ));
        }
    }
    Ok(FeedStatus { since, address })
}

/// Makes a new feed (the old address stops working) and shows its address once.
#[server(endpoint = "create-calendar-feed")]
pub async fn create_calendar_feed() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::UseCalendarFeed)?;
    let token = doorstep::services::feeds::create(&state()?.store, &user, &info().origin)
        .await
        .map_err(|e| internal("making a calendar feed failed", e))?;
    leptos_axum::redirect(&format!("/calendar-feed?secret={}", token.expose()));
    Ok(())
}

/// Turns the caller's feed off.
#[server(endpoint = "revoke-calendar-feed")]
pub async fn revoke_calendar_feed() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::UseCalendarFeed)?;
    doorstep::services::feeds::revoke(&state()?.store, &user, &info().origin)
        .await
        .map_err(|e| internal("turning a calendar feed off failed", e))?;
    leptos_axum::redirect("/calendar-feed?off=1");
    Ok(())
}
