//! The business's booking rules and the response times it promises to problem reports, for
//! dispatchers and admins.
#![expect(
    clippy::too_many_arguments,
    reason = "a form posted without JavaScript arrives as one argument per field"
)]

use crate::error::ApiError;
use doorstep::booking_rules::BookingRules;
use doorstep::requests::ResponseTimes;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[server(endpoint = "booking-rules")]
pub async fn get_booking_rules() -> Result<BookingRules, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    doorstep::services::rules::get(&state()?.store)
        .await
        .map_err(|e| internal("reading the booking rules failed", e))
}

/// Every field as typed; each refused one is named with its problem, and all are kept.
#[server(endpoint = "save-booking-rules")]
pub async fn save_booking_rules(
    min_notice_hours: String,
    horizon_days: String,
    window_min: String,
    step_min: String,
    road_factor: String,
    speed_kmh: String,
    travel_buffer_min: String,
    reschedule_notice_hours: String,
    cancel_notice_hours: String,
    reminder_hours: String,
) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use crate::error::echo;
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let typed = [
        ("min_notice_hours", min_notice_hours.as_str()),
        ("horizon_days", horizon_days.as_str()),
        ("window_min", window_min.as_str()),
        ("step_min", step_min.as_str()),
        ("road_factor", road_factor.as_str()),
        ("speed_kmh", speed_kmh.as_str()),
        ("travel_buffer_min", travel_buffer_min.as_str()),
        ("reschedule_notice_hours", reschedule_notice_hours.as_str()),
        ("cancel_notice_hours", cancel_notice_hours.as_str()),
        ("reminder_hours", reminder_hours.as_str()),
    ];
    let value = |name: &str| {
        typed
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| *v)
    };
    let rules =
        BookingRules::parse(value).map_err(|problems| ApiError::refused(problems, echo(&typed)))?;
    let state = state()?;
    doorstep::services::rules::save(&state.store, &user, &rules, &info().origin)
        .await
        .map_err(|e| internal("saving the booking rules failed", e))?;
    leptos_axum::redirect("/office/rules?saved=1");
    Ok(())
}

#[server(endpoint = "response-times")]
pub async fn get_response_times() -> Result<ResponseTimes, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    let mut conn = state()?
        .store
        .conn()
        .await
        .map_err(|e| internal("reading the response times failed", e))?;
    doorstep::services::problems::response_times(&mut conn)
        .await
        .map_err(|e| internal("reading the response times failed", e))
}

/// `fields`: `hours_low`, `hours_normal`, `hours_urgent`, `hours_emergency`.
#[server(endpoint = "save-response-times")]
pub async fn save_response_times(
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    let by = require(Permission::ManageScheduling)?;
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let times = ResponseTimes::parse(value)
        .map_err(|problems| ApiError::fields_refused(problems, &fields))?;
    doorstep::services::problems::save_response_times(&state()?.store, &by, times, &info().origin)
        .await
        .map_err(|e| internal("saving the response times failed", e))?;
    leptos_axum::redirect("/office/rules?saved=response-times#response-times");
    Ok(())
}
