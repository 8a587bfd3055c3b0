//! Technicians, for dispatchers and admins: profile, weekly hours, time off, extra shifts.
//! Each form posts `user` (a `PE-…` reference) and `fields[…]` as typed; a refused form comes
//! back with every field kept and each problem named.

use crate::error::ApiError;
use doorstep::dto::{TechnicianDetail, TechnicianSummary};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::support::internal;
    use crate::error::ApiError;
    use doorstep::ids::UserRef;
    use doorstep::services::technicians::TechnicianError;

    pub fn technician(raw: &str) -> Result<UserRef, ApiError> {
        UserRef::parse(raw).ok_or(ApiError::NotFound)
    }

    pub fn failed(error: TechnicianError) -> ApiError {
        match error {
            TechnicianError::NotFound => ApiError::NotFound,
            TechnicianError::OutOfRange => ApiError::BadRequest,
            TechnicianError::Store(e) => internal("changing a technician failed", e),
        }
    }

    /// Back to the technician's page, saying what was saved.
    pub fn back(user: UserRef, saved: &str) {
        leptos_axum::redirect(&format!("/office/technicians/{user}?saved={saved}"));
    }
}

#[server(endpoint = "technicians")]
pub async fn get_technicians() -> Result<Vec<TechnicianSummary>, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    doorstep::services::technicians::list(&state()?.store)
        .await
        .map_err(|e| internal("reading the technicians failed", e))
}

/// `user`: a reference (`PE-000003`).
#[server(endpoint = "technician")]
pub async fn get_technician(user: String) -> Result<TechnicianDetail, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    doorstep::services::technicians::get(&state.store, user, &tz)
        .await
        .map_err(server::failed)
}

/// `fields`: `skills`, `home_latitude`, `home_longitude`, `radius_km`, `postal_codes`.
#[server(endpoint = "save-technician")]
pub async fn save_technician(
    user: String,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    use doorstep::technicians::TechnicianProfile;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let profile = TechnicianProfile::parse(value)
        .map_err(|problems| ApiError::fields_refused(problems, &fields))?;
    doorstep::services::technicians::save_profile(
        &state()?.store,
        &by,
        user,
        &profile,
        &info().origin,
    )
    .await
    .map_err(server::failed)?;
    server::back(user, "profile");
    Ok(())
}

/// `fields`: `hours_1` (Monday) to `hours_7` (Sunday), each like `08:00–12:00, 13:00–17:00`.
#[server(endpoint = "save-technician-hours")]
pub async fn save_technician_hours(
    user: String,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    use doorstep::technicians::WeekHours;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let week =
        WeekHours::parse(value).map_err(|problems| ApiError::fields_refused(problems, &fields))?;
    doorstep::services::technicians::save_hours(&state()?.store, &by, user, &week, &info().origin)
        .await
        .map_err(server::failed)?;
    server::back(user, "hours");
    Ok(())
}

/// `fields`: `starts`, `ends` (local date and time, or a date for whole days), `reason`.
#[server(endpoint = "add-time-off")]
pub async fn add_time_off(
    user: String,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::error::FieldError;
    use doorstep::permissions::Permission;
    use doorstep::services::technicians::TechnicianError;
    use doorstep::technicians::TimeOffDraft;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let draft = TimeOffDraft::parse(value)
        .map_err(|problems| ApiError::fields_refused(problems, &fields))?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    let added = doorstep::services::technicians::add_time_off(
        &state.store,
        &by,
        user,
        &draft,
        &tz,
        &info().origin,
    )
    .await;
    match added {
        Ok((_, visits)) => {
            server::back(user, &format!("time-off&visits={visits}"));
            Ok(())
        }
        Err(TechnicianError::OutOfRange) => Err(ApiError::fields_refused(
            [("starts", FieldError::OutOfRange)],
            &fields,
        )),
        Err(e) => Err(server::failed(e)),
    }
}

/// `entry`: the id of the time off to remove.
#[server(endpoint = "remove-time-off")]
pub async fn remove_time_off(user: String, entry: i64) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    doorstep::services::technicians::remove(
        &state()?.store,
        &by,
        user,
        doorstep::store::technicians::Planned::TimeOff,
        entry,
        &info().origin,
    )
    .await
    .map_err(server::failed)?;
    server::back(user, "time-off-removed");
    Ok(())
}

/// `fields`: `day`, `from`, `until`.
#[server(endpoint = "add-extra-shift")]
pub async fn add_extra_shift(
    user: String,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    use doorstep::technicians::ExtraShiftDraft;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let draft = ExtraShiftDraft::parse(value)
        .map_err(|problems| ApiError::fields_refused(problems, &fields))?;
    doorstep::services::technicians::add_extra_shift(
        &state()?.store,
        &by,
        user,
        &draft,
        &info().origin,
    )
    .await
    .map_err(server::failed)?;
    server::back(user, "extra-shift");
    Ok(())
}

/// `entry`: the id of the extra shift to remove.
#[server(endpoint = "remove-extra-shift")]
pub async fn remove_extra_shift(user: String, entry: i64) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    let by = require(Permission::ManageScheduling)?;
    let user = server::technician(&user)?;
    doorstep::services::technicians::remove(
        &state()?.store,
        &by,
        user,
        doorstep::store::technicians::Planned::ExtraShift,
        entry,
        &info().origin,
    )
    .await
    .map_err(server::failed)?;
    server::back(user, "extra-shift-removed");
    Ok(())
}
