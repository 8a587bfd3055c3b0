//! The places where visits happen, as their customers keep them: add one, change its
//! address or notes, and give it a position (looked up, or typed) so it can be booked for.

use crate::dto::SessionUser;
use crate::ids::{AccountRef, LocationRef};
use crate::locale::Locale;
use crate::permissions::{Capability, Permission, Role};
use crate::places::{Address, LocationDraft, Position};
use crate::services::clock;
use crate::services::geocode::Geocoder;
use crate::store::accounts::{self, BookableLocation, NewLocation};
use crate::store::audit::{self, RequestOrigin};
use crate::store::{Store, StoreError};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum LocationError {
    /// Not a location of the person's account (or no account, or no right).
    #[error("no such location")]
    NotFound,
    /// The address changed and no position was found or typed, but visits are booked
    /// there: they need to know where to go.
    #[error("the location has open visits and needs a position")]
    NeedsPosition { open_visits: i64 },
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for LocationError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Self::NotFound,
            other => Self::Store(other),
        }
    }
}

/// Where a saved location's position came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The person typed it.
    Typed,
    /// The address did not change; the position stays.
    Kept,
    /// The geocoder found it.
    Found,
    /// The geocoder knows no such address.
    NotFound,
    /// The geocoder did not answer.
    Unavailable,
    /// No geocoder is set up.
    NoGeocoder,
}

impl Lookup {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Typed => "typed",
            Self::Kept => "kept",
            Self::Found => "found",
            Self::NotFound => "not_found",
            Self::Unavailable => "unavailable",
            Self::NoGeocoder => "no_geocoder",
        }
    }
}

/// What [`save`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Saved {
    pub location: LocationRef,
    pub position: Option<Position>,
    pub lookup: Lookup,
}

/// The account the person keeps locations for.
fn account_of(by: &SessionUser) -> Result<AccountRef, LocationError> {
    if !by.role.allows(Permission::ManageLocations) {
        return Err(LocationError::NotFound);
    }
    by.account.ok_or(LocationError::NotFound)
}

/// One of the person's account's locations.
pub async fn get(
    store: &Store,
    by: &SessionUser,
    location: LocationRef,
) -> Result<BookableLocation, LocationError> {
    let account = account_of(by)?;
    if !by.may_at(Capability::View, account.id(), location.id()) {
        return Err(LocationError::NotFound);
    }
    let mut conn = store.conn().await?;
    let row = accounts::bookable_location(&mut conn, account.id(), location.id())
        .await?
        .ok_or(LocationError::NotFound)?;
    Ok(opened(store, row)?)
}

/// Every location of the person's account, by label.
pub async fn list(store: &Store, by: &SessionUser) -> Result<Vec<BookableLocation>, LocationError> {
    account_of(by)?;
    let reach = crate::services::accounts::reach(by).ok_or(LocationError::NotFound)?;
    let mut conn = store.conn().await?;
    let rows = accounts::bookable_locations(&mut conn, reach).await?;
    Ok(rows
        .into_iter()
        .map(|row| opened(store, row))
        .collect::<Result<_, _>>()?)
}

/// Where the location form's map looks first for a place without a position: another of
/// the account's places, else the middle of the business's area.
pub async fn map_centre(
    store: &Store,
    places: &[BookableLocation],
) -> Result<Option<(f64, f64)>, LocationError> {
    if let Some(at) = places.iter().find_map(|p| p.latitude.zip(p.longitude)) {
        return Ok(Some(at));
    }
    let mut conn = store.conn().await?;
    Ok(crate::store::technicians::homes_centre(&mut conn).await?)
}

fn address_of(row: &BookableLocation) -> Address {
    Address {
        line1: row.line1.clone(),
        line2: row.line2.clone(),
        postal_code: row.postal_code.clone(),
        city: row.city.clone(),
        country: row.country.clone(),
    }
}

fn position_of(row: &BookableLocation) -> Option<Position> {
    Position::new(row.latitude?, row.longitude?)
}

/// Decides the position: as typed, as it was, or looked up. A position typed that is
/// only the old one shown again does not count once the address changed.
pub(crate) async fn place(
    geocoder: Option<&dyn Geocoder>,
    before: Option<&BookableLocation>,
    draft: &LocationDraft,
    locale: Locale,
) -> (Option<Position>, Lookup) {
    let old = before.and_then(position_of);
    let moved = before.is_none_or(|b| address_of(b) != draft.address);
    match draft.position {
        Some(p) if !(moved && Some(p) == old) => return (Some(p), Lookup::Typed),
        _ => {}
    }
    if !moved && old.is_some() {
        return (old, Lookup::Kept);
    }
    let Some(geocoder) = geocoder else {
        return (None, Lookup::NoGeocoder);
    };
    match geocoder.locate(&draft.address, locale).await {
        Ok(Some(p)) => (Some(p), Lookup::Found),
        Ok(None) => (None, Lookup::NotFound),
        Err(e) => {
            tracing::warn!(error = %e, "geocoding failed; the person can type the position");
            (None, Lookup::Unavailable)
        }
    }
}

/// Adds (`location` `None`) or changes a location of the person's account. The geocoder
/// is asked before the transaction, so a slow answer holds no lock.
#[instrument(skip(store, geocoder, by, draft, origin), fields(by = %by.user))]
pub async fn save(
    store: &Store,
    geocoder: Option<&dyn Geocoder>,
    by: &SessionUser,
    location: Option<LocationRef>,
    draft: &LocationDraft,
    locale: Locale,
    origin: &RequestOrigin,
) -> Result<Saved, LocationError> {
    let account = account_of(by)?;
    // A member changes a place only where they may book; only owners add places (a new
    // place is nobody else's until the owner gives rights to it).
    let allowed = match location {
        Some(l) => by.may_at(Capability::Book, account.id(), l.id()),
        None => by.role == Role::AccountOwner,
    };
    if !allowed {
        return Err(LocationError::NotFound);
    }
    let before = match location {
        Some(l) => Some(get(store, by, l).await?),
        None => None,
    };
    let (position, lookup) = place(geocoder, before.as_ref(), draft, locale).await;
    let now = clock::now();
    let sealed_notes = store.keyring()?.seal_opt(draft.access_notes.as_deref());
    let mut tx = store.begin().await?;
    let row = NewLocation {
        label: &draft.label,
        line1: &draft.address.line1,
        line2: draft.address.line2.as_deref(),
        postal_code: &draft.address.postal_code,
        city: &draft.address.city,
        country: &draft.address.country,
        latitude: position.map(|p| p.latitude),
        longitude: position.map(|p| p.longitude),
        access_notes: sealed_notes.as_deref(),
    };
    let (id, action) = match location {
        Some(l) => {
            if position.is_none() {
                let open_visits = accounts::open_visits_at(&mut tx, l.id()).await?;
                if open_visits > 0 {
                    return Err(LocationError::NeedsPosition { open_visits });
                }
            }
            accounts::update_location(&mut tx, account.id(), l.id(), &row, now).await?;
            (l.id(), "location_changed")
        }
        None => (
            accounts::insert_location(&mut tx, account.id(), &row, now).await?,
            "location_added",
        ),
    };
    let reference = LocationRef::from_id(id);
    let subject = reference.to_string();
    // Access notes are secrets of the household: the trail says they changed, not what.
    let detail = serde_json::json!({
        "label": draft.label,
        "address": draft.address,
        "position": lookup.as_str(),
        "access_notes_changed": before
            .as_ref()
            .is_none_or(|b| b.access_notes != draft.access_notes),
    })
    .to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, action, origin)
            .by(by.user)
            .on(&subject)
            .detail(&detail),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(Saved {
        location: reference,
        position,
        lookup,
    })
}

/// Seals every access note that is not sealed with the current data key yet (written before
/// sealing, or under a previous key); returns how many. Run at every start and by
/// `doorstep rotate-data-key`; a note changed meanwhile is left to its writer.
pub async fn reseal_notes(store: &Store) -> Result<u64, StoreError> {
    let keyring = store.keyring()?;
    let mut conn = store.conn().await?;
    let mut done = 0;
    for (id, stored) in accounts::all_access_notes(&mut conn).await? {
        if keyring.is_current(&stored) {
            continue;
        }
        let plain = keyring.open(&stored)?;
        if accounts::reseal_access_notes(&mut conn, id, &stored, &keyring.seal(&plain)).await? {
            done += 1;
        }
    }
    Ok(done)
}

/// A location row with its access notes opened.
pub(crate) fn opened(
    store: &Store,
    mut row: BookableLocation,
) -> Result<BookableLocation, StoreError> {
    row.access_notes = store.keyring()?.open_opt(row.access_notes.as_deref())?;
    Ok(row)
}
