//! The places a customer account keeps: the address, the notes for getting in, and the
//! position that makes a place bookable.

use crate::error::ApiError;
use doorstep::ids::LocationRef;
use doorstep::places::LocationDraft;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A location with its reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationEntry {
    pub location: LocationRef,
    pub draft: LocationDraft,
}

/// What the location form needs besides the location.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationForm {
    /// `None` for a new location.
    pub entry: Option<LocationEntry>,
    /// Whether positions are looked up from addresses.
    pub geocoder: bool,
    /// The country a new location starts with: that of the account's other locations.
    pub country: String,
    /// Where the map looks first while the place has no position.
    #[serde(default)]
    pub map_centre: Option<(f64, f64)>,
}

#[cfg(feature = "ssr")]
fn entry(row: doorstep::store::accounts::BookableLocation) -> LocationEntry {
    use doorstep::places::{Address, Position};
    let position = row
        .latitude
        .zip(row.longitude)
        .and_then(|(lat, lng)| Position::new(lat, lng));
    LocationEntry {
        location: LocationRef::from_id(row.id),
        draft: LocationDraft {
            label: row.label,
            address: Address {
                line1: row.line1,
                line2: row.line2,
                postal_code: row.postal_code,
                city: row.city,
                country: row.country,
            },
            access_notes: row.access_notes,
            position,
        },
    }
}

#[cfg(feature = "ssr")]
fn refused(err: doorstep::services::locations::LocationError) -> ApiError {
    use doorstep::services::locations::LocationError;
    match err {
        LocationError::NotFound => ApiError::NotFound,
        other => crate::api::support::internal("locations failed", other),
    }
}

#[server(endpoint = "locations")]
pub async fn get_locations() -> Result<Vec<LocationEntry>, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageLocations)?;
    let state = state()?;
    let rows = doorstep::services::locations::list(&state.store, &user)
        .await
        .map_err(refused)?;
    Ok(rows.into_iter().map(entry).collect())
}

/// `location`: a reference (`LO-000001`), or `new`.
#[server(endpoint = "location")]
pub async fn get_location(location: String) -> Result<LocationForm, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::locations;
    let user = require(Permission::ManageLocations)?;
    let state = state()?;
    let geocoder = state.geocoder.is_some();
    let others = locations::list(&state.store, &user)
        .await
        .map_err(refused)?;
    let map_centre = locations::map_centre(&state.store, &others)
        .await
        .map_err(refused)?;
    if location.trim() == "new" {
        // Only owners add places (see `locations::save`).
        if user.role != doorstep::permissions::Role::AccountOwner {
            return Err(ApiError::Forbidden);
        }
        let country = others
            .first()
            .map(|l| l.country.clone())
            .unwrap_or_default();
        return Ok(LocationForm {
            entry: None,
            geocoder,
            country,
            map_centre,
        });
    }
    let reference = LocationRef::parse(&location).ok_or(ApiError::NotFound)?;
    let row = locations::get(&state.store, &user, reference)
        .await
        .map_err(refused)?;
    let country = row.country.clone();
    Ok(LocationForm {
        entry: Some(entry(row)),
        geocoder,
        country,
        map_centre,
    })
}

/// `location`: the reference of the location changed, empty for a new one; `fields`: the
/// form as typed (`fields[label]`, `fields[line1]`, …, `fields[latitude]`).
#[server(endpoint = "save-location")]
pub async fn save_location(
    #[server(default)] location: Option<String>,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use crate::error::Echo;
    use doorstep::error::FieldError;
    use doorstep::permissions::Permission;
    use doorstep::services::locations::{LocationError, save};
    let user = require(Permission::ManageLocations)?;
    let reference = match location.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(LocationRef::parse(raw).ok_or(ApiError::NotFound)?),
    };
    let echo: Echo = doorstep::places::FIELDS
        .iter()
        .filter_map(|name| {
            fields
                .get(*name)
                .map(|v| ((*name).to_string(), v.chars().take(1100).collect()))
        })
        .collect();
    let refused_fields =
        |problems: Vec<(&str, FieldError)>| ApiError::refused(problems, echo.clone());
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let draft = LocationDraft::parse(value).map_err(&refused_fields)?;
    let state = state()?;
    let info = info();
    match save(
        &state.store,
        state.geocoder.as_deref(),
        &user,
        reference,
        &draft,
        info.locale,
        &info.origin,
    )
    .await
    {
        Ok(saved) if saved.position.is_some() => {
            leptos_axum::redirect(&format!("/locations?saved={}", saved.location));
            Ok(())
        }
        Ok(saved) => {
            leptos_axum::redirect(&format!(
                "/locations/{}?unplaced={}",
                saved.location,
                saved.lookup.as_str()
            ));
            Ok(())
        }
        Err(LocationError::NeedsPosition { .. }) => Err(refused_fields(vec![(
            "latitude",
            FieldError::PositionNeeded,
        )])),
        Err(e) => Err(refused(e)),
    }
}
