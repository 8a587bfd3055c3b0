//! Technicians, for dispatchers and admins: profile, weekly hours, time off, extra shifts.
//! Each form posts `user` (a `PE-…` reference) and `fields[…]` as typed; a refused form comes
//! back with every field kept and each problem named.

use crate::error::ApiError;
use doorstep::dto::{TechnicianDetail, TechnicianSummary};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use std::collections::BTreeMap;

/// Where the card form posts: `save_technician_card`'s address. The form is plain HTML with
/// a file input, so the server function exists on the server only.
pub const SAVE_TECHNICIAN_CARD_PATH: &str = "/api/save-technician-card";

/// The longest trade, in characters.
pub const TRADE_MAX: usize = 60;

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
            TechnicianError::Files(e) => internal("storing a technician's photo failed", e),
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

/// The card customers see, posted as `multipart/form-data`: `user`, `trade`, `photos` (one
/// file: the new photo), `remove_photo` (any value: take the photo away).
#[cfg(feature = "ssr")]
#[server(endpoint = "save-technician-card", input = MultipartFormData)]
pub async fn save_technician_card(data: MultipartData) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use crate::api::uploads::{Form, PHOTOS, read};
    use crate::error::echo;
    use doorstep::error::FieldError;
    use doorstep::permissions::Permission;
    use doorstep::services::files;
    use doorstep::services::technicians::CardChange;
    let by = require(Permission::ManageScheduling)?;
    let form = Form {
        text: &["user", "trade", "remove_photo"],
        lists: &[],
        large: &[],
    };
    let typed = |posted: &crate::api::uploads::Posted| echo(&[("trade", posted.get("trade"))]);
    let posted = read(data, &form, typed).await?;
    let user = server::technician(posted.get("user"))?;
    let mut problems = Vec::new();
    let trade = doorstep::fields::optional_text(posted.get("trade"), TRADE_MAX)
        .map_err(|p| problems.push(("trade", p)))
        .unwrap_or_default();
    if let Some(problem) = posted.photo_problem.clone() {
        problems.push((PHOTOS, problem));
    } else if posted.photos.len() > 1 {
        problems.push((PHOTOS, FieldError::TooManyPhotos { max: 1 }));
    }
    if !problems.is_empty() {
        return Err(ApiError::refused(problems, typed(&posted)));
    }
    let state = state()?;
    let photo = match files::process_all(posted.photos.clone(), state.uploads)
        .await
        .map_err(|e| internal("photo processing failed", e))?
    {
        Ok(mut photos) => photos.pop(),
        Err(problem) => return Err(ApiError::refused([(PHOTOS, problem)], typed(&posted))),
    };
    let change = CardChange {
        trade,
        photo,
        remove_photo: !posted.get("remove_photo").is_empty(),
    };
    doorstep::services::technicians::save_card(
        &state.store,
        &state.files,
        &by,
        user,
        change,
        &info().origin,
    )
    .await
    .map_err(server::failed)?;
    server::back(user, "card");
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
