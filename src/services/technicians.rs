//! Technicians for the office: profile (skills, home, area), weekly hours, time off and
//! extra shifts. Every change is one transaction with its audit entry; the engine reads the
//! same tables on the next search, so a change is in the calendar at once.

use crate::catalogue::parse_skills;
use crate::dto::{
    ExtraShiftEntry, PhotoView, SessionUser, TechnicianCard, TechnicianDetail, TechnicianSummary,
    TimeOffEntry,
};
use crate::ids::UserRef;
use crate::places::Position;
use crate::services::clock;
use crate::services::files::{self, FileStore, FilesError, Photo, Stored};
use crate::store::audit::{self, RequestOrigin};
use crate::store::technicians::{self as store, Planned, TechnicianRow};
use crate::store::{Store, StoreError};
use crate::technicians::{DaySpan, ExtraShiftDraft, TechnicianProfile, TimeOffDraft, WeekHours};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum TechnicianError {
    /// No technician by that reference, or no such entry of theirs.
    #[error("not found")]
    NotFound,
    /// Local time that does not exist or cannot be stored.
    #[error("the time is out of range")]
    OutOfRange,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Files(#[from] FilesError),
}

fn profile_of(row: &TechnicianRow) -> Option<TechnicianProfile> {
    let home = Position::new(row.home_lat?, row.home_lng?)?;
    let split = |raw: &Option<String>| -> Vec<String> {
        raw.as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    Some(TechnicianProfile {
        skills: parse_skills(row.skills.as_deref().unwrap_or_default()).unwrap_or_default(),
        home,
        radius_km: row.area_radius_km,
        postal_codes: split(&row.area_postal_codes),
    })
}

fn summary(row: &TechnicianRow, hours: WeekHours) -> TechnicianSummary {
    TechnicianSummary {
        user: UserRef::from_id(row.id),
        name: row.name.clone(),
        email: row.email.clone(),
        disabled: row.disabled != 0,
        profile: profile_of(row),
        hours,
    }
}

/// Every technician, by name.
pub async fn list(store: &Store) -> Result<Vec<TechnicianSummary>, StoreError> {
    let mut conn = store.conn().await?;
    let rows = store::list(&mut conn, None).await?;
    let mut hours = store::hours(&mut conn, None).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let week = hours
                .iter_mut()
                .find(|(u, _)| *u == row.id)
                .map(|(_, w)| std::mem::take(w))
                .unwrap_or_default();
            summary(row, week)
        })
        .collect())
}

/// One technician with their time off and extra shifts from now on.
pub async fn get(
    store: &Store,
    user: UserRef,
    tz: &TimeZone,
) -> Result<TechnicianDetail, TechnicianError> {
    let mut conn = store.conn().await?;
    let row = store::list(&mut conn, Some(user.id()))
        .await?
        .into_iter()
        .next()
        .ok_or(TechnicianError::NotFound)?;
    let hours = store::hours(&mut conn, Some(user.id()))
        .await?
        .pop()
        .map(|(_, w)| w)
        .unwrap_or_default();
    let now = clock::now();
    let mut time_off = Vec::new();
    for (id, starts_at, ends_at, reason) in store::time_off(&mut conn, user.id(), now).await? {
        let visits = store::visits_between(&mut conn, user.id(), starts_at, ends_at).await?;
        time_off.push(TimeOffEntry {
            id,
            starts_at,
            ends_at,
            reason,
            visits,
        });
    }
    let today = Timestamp::from_second(now)
        .map_err(|_| TechnicianError::OutOfRange)?
        .to_zoned(tz.clone())
        .date();
    let extra_shifts = store::extra_shifts(&mut conn, user.id(), &today.to_string())
        .await?
        .into_iter()
        .filter_map(|(id, day, start, end)| {
            Some(ExtraShiftEntry {
                id,
                day: day.parse().ok()?,
                span: DaySpan {
                    start_min: u16::try_from(start).ok()?,
                    end_min: u16::try_from(end).ok()?,
                },
            })
        })
        .collect();
    let card = store::card(&mut conn, user.id())
        .await?
        .map(card_view)
        .unwrap_or_default();
    Ok(TechnicianDetail {
        card,
        summary: summary(&row, hours),
        time_off,
        extra_shifts,
    })
}

/// Refuses anyone who is not a technician (the office cannot give a dispatcher hours).
/// Read before the change's transaction: on SQLite a transaction must write first.
async fn exists(store: &Store, user: UserRef) -> Result<(), TechnicianError> {
    let mut conn = store.conn().await?;
    if store::list(&mut conn, Some(user.id())).await?.is_empty() {
        return Err(TechnicianError::NotFound);
    }
    Ok(())
}

async fn record(
    conn: &mut crate::store::Conn,
    by: &SessionUser,
    action: &str,
    user: UserRef,
    detail: &str,
    now: i64,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let subject = user.to_string();
    audit::record(
        conn,
        &audit::Entry::new(now, action, origin)
            .by(by.user)
            .on(&subject)
            .detail(detail),
    )
    .await
}

/// Sets skills, home and area.
#[instrument(skip(store, by, profile, origin), fields(by = %by.user))]
pub async fn save_profile(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    profile: &TechnicianProfile,
    origin: &RequestOrigin,
) -> Result<(), TechnicianError> {
    let now = clock::now();
    exists(store, user).await?;
    let mut tx = store.begin().await?;
    store::save_profile(&mut tx, user.id(), profile).await?;
    let detail = serde_json::to_string(profile).unwrap_or_default();
    record(&mut tx, by, "technician_saved", user, &detail, now, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Replaces the weekly hours.
#[instrument(skip(store, by, week, origin), fields(by = %by.user))]
pub async fn save_hours(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    week: &WeekHours,
    origin: &RequestOrigin,
) -> Result<(), TechnicianError> {
    let now = clock::now();
    exists(store, user).await?;
    let mut tx = store.begin().await?;
    store::replace_hours(&mut tx, user.id(), week).await?;
    let detail = serde_json::to_string(week).unwrap_or_default();
    record(
        &mut tx,
        by,
        "technician_hours_saved",
        user,
        &detail,
        now,
        origin,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// A local date and time as an instant in `tz` (the later one when clocks go back, the
/// first after the gap when they go forward).
fn instant(at: jiff::civil::DateTime, tz: &TimeZone) -> Result<i64, TechnicianError> {
    at.to_zoned(tz.clone())
        .map(|z| z.timestamp().as_second())
        .map_err(|_| TechnicianError::OutOfRange)
}

/// Adds time off; returns its id and how many open visits of the technician fall in it
/// (they stay where they are: the dispatcher moves them).
#[instrument(skip(store, by, draft, tz, origin), fields(by = %by.user))]
pub async fn add_time_off(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    draft: &TimeOffDraft,
    tz: &TimeZone,
    origin: &RequestOrigin,
) -> Result<(i64, i64), TechnicianError> {
    let (starts_at, ends_at) = (instant(draft.starts, tz)?, instant(draft.ends, tz)?);
    if ends_at <= starts_at {
        return Err(TechnicianError::OutOfRange);
    }
    let now = clock::now();
    exists(store, user).await?;
    let mut tx = store.begin().await?;
    let id = store::insert_time_off(
        &mut tx,
        user.id(),
        starts_at,
        ends_at,
        draft.reason.as_deref(),
    )
    .await?;
    let visits = store::visits_between(&mut tx, user.id(), starts_at, ends_at).await?;
    let detail = serde_json::json!({
        "id": id, "starts_at": starts_at, "ends_at": ends_at, "reason": draft.reason,
    })
    .to_string();
    record(&mut tx, by, "time_off_added", user, &detail, now, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok((id, visits))
}

/// Removes a time off or an extra shift of the technician.
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn remove(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    what: Planned,
    id: i64,
    origin: &RequestOrigin,
) -> Result<(), TechnicianError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    if !store::delete_planned(&mut tx, what, user.id(), id).await? {
        return Err(TechnicianError::NotFound);
    }
    let action = match what {
        Planned::TimeOff => "time_off_removed",
        Planned::ExtraShift => "extra_shift_removed",
    };
    let detail = serde_json::json!({ "id": id }).to_string();
    record(&mut tx, by, action, user, &detail, now, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Adds an extra shift; returns its id.
#[instrument(skip(store, by, draft, origin), fields(by = %by.user))]
pub async fn add_extra_shift(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    draft: &ExtraShiftDraft,
    origin: &RequestOrigin,
) -> Result<i64, TechnicianError> {
    let now = clock::now();
    exists(store, user).await?;
    let mut tx = store.begin().await?;
    let id =
        store::insert_extra_shift(&mut tx, user.id(), &draft.day.to_string(), draft.span).await?;
    let detail = serde_json::json!({
        "id": id, "day": draft.day.to_string(),
        "start_min": draft.span.start_min, "end_min": draft.span.end_min,
    })
    .to_string();
    record(&mut tx, by, "extra_shift_added", user, &detail, now, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(id)
}

/// A card as pages show it.
pub fn card_view(row: store::CardRow) -> TechnicianCard {
    let photo = row.photo_token.map(|token| PhotoView {
        token,
        name: String::new(),
        width: row
            .photo_width
            .and_then(|w| u32::try_from(w).ok())
            .unwrap_or_default(),
        height: row
            .photo_height
            .and_then(|h| u32::try_from(h).ok())
            .unwrap_or_default(),
    });
    TechnicianCard {
        trade: row.trade,
        photo,
    }
}

/// A change to what customers are shown of a technician.
#[derive(Debug, Default)]
pub struct CardChange {
    pub trade: Option<String>,
    /// A new photo, already checked and re-encoded.
    pub photo: Option<Photo>,
    /// Take the photo away (ignored when a new one comes).
    pub remove_photo: bool,
}

/// Sets the trade and the photo customers see. The new photo is stored before the row
/// changes (and deleted again if the change fails); the one it replaces is deleted after.
#[instrument(skip(store, files, by, change, origin), fields(by = %by.user))]
pub async fn save_card(
    store: &Store,
    files: &FileStore,
    by: &SessionUser,
    user: UserRef,
    change: CardChange,
    origin: &RequestOrigin,
) -> Result<(), TechnicianError> {
    let now = clock::now();
    exists(store, user).await?;
    let old = {
        let mut conn = store.conn().await?;
        store::card(&mut conn, user.id()).await?.unwrap_or_default()
    };
    let stored = Stored::put(files, change.photo.into_iter().collect()).await?;
    let mut card = store::CardRow {
        trade: change.trade,
        ..old.clone()
    };
    if let Some((token, photo)) = stored.photos().next() {
        card.photo_token = Some(token.to_string());
        card.photo_width = Some(i64::from(photo.width));
        card.photo_height = Some(i64::from(photo.height));
    } else if change.remove_photo {
        card.photo_token = None;
        card.photo_width = None;
        card.photo_height = None;
    }
    let written = async {
        let mut tx = store.begin().await?;
        store::save_card(&mut tx, user.id(), &card, now).await?;
        let detail = serde_json::json!({
            "trade": card.trade,
            "photo": card.photo_token.is_some(),
        })
        .to_string();
        record(
            &mut tx,
            by,
            "technician_card_saved",
            user,
            &detail,
            now,
            origin,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)
    }
    .await;
    if let Err(e) = written {
        stored.discard(files).await;
        return Err(e.into());
    }
    if let Some(replaced) = old
        .photo_token
        .filter(|t| card.photo_token.as_ref() != Some(t))
    {
        files::forget(files, &replaced).await;
    }
    Ok(())
}
