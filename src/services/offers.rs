//! What a customer may book, shaped for the booking pages: their locations and the
//! services, then a month of days with windows and one day's windows, from the engine.

use crate::brand::Business;
use crate::dates::month_key;
use crate::dto::WindowOffer;
use crate::dto::{BookingCalendar, BookingOptions, CalendarDay, LocationChoice, ServiceChoice};
use crate::ids::{AccountRef, LocationRef, ServiceRef, VisitRef};
use crate::locale::Locale;
use crate::scheduling::{GeoPoint, Window};
use crate::secrets::Keyring;
use crate::services::availability::{self, AvailabilityError, Query, ServiceKey};
use crate::store::accounts::{self, BookableLocation};
use crate::store::catalogue::CatalogueRow;
use crate::store::rights::Reach;
use crate::store::{Store, StoreError, scheduling as sched};
use jiff::civil::Date;
use jiff::{Span, Timestamp};
use std::collections::BTreeMap;
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum OffersError {
    /// Not one of the account's locations, or not a bookable service.
    #[error("not found")]
    NotFound,
    /// A month or day outside what can be searched.
    #[error("out of range")]
    OutOfRange,
    /// The location has no position yet, so nobody can say who reaches it when.
    #[error("the location has no position")]
    NotPlaced,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<AvailabilityError> for OffersError {
    fn from(err: AvailabilityError) -> Self {
        match err {
            AvailabilityError::UnknownService(_) => Self::NotFound,
            AvailabilityError::TooManyDays | AvailabilityError::DateOutOfRange => Self::OutOfRange,
            AvailabilityError::Store(e) => Self::Store(e),
        }
    }
}

fn location_choice(l: BookableLocation, keyring: &Keyring) -> Result<LocationChoice, StoreError> {
    let placed = place_point(&l).is_some();
    let mut address = vec![l.line1];
    address.extend(l.line2);
    address.push(format!("{} {}", l.postal_code, l.city));
    Ok(LocationChoice {
        location: LocationRef::from_id(l.id),
        placed,
        label: l.label,
        address,
        access_notes: keyring.open_opt(l.access_notes.as_deref())?,
    })
}

/// Where a location is, if it has a valid position.
pub fn place_point(l: &BookableLocation) -> Option<GeoPoint> {
    GeoPoint::new(l.latitude?, l.longitude?).ok()
}

fn service_choice(row: &CatalogueRow, locale: Locale) -> ServiceChoice {
    let text = row
        .draft
        .texts
        .iter()
        .find(|t| t.locale == locale)
        .or_else(|| row.draft.texts.first());
    ServiceChoice {
        service: ServiceRef::from_id(row.id),
        name: text.map(|t| t.name.clone()).unwrap_or_default(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        duration_min: row.draft.duration_min,
        price_kind: row.draft.price_kind,
        price_minor: row.draft.price_minor,
        bookable: crate::services::catalogue::customers_book(row),
    }
}

/// The account's locations and the active services customers see (quotes among them,
/// marked as not bookable), in `locale`.
#[instrument(skip(store))]
pub async fn options(
    store: &Store,
    account: AccountRef,
    locale: Locale,
    default_locale: Locale,
) -> Result<BookingOptions, OffersError> {
    let mut conn = store.conn().await?;
    let locations = accounts::bookable_locations(&mut conn, Reach::whole(account.id())).await?;
    let services = crate::store::catalogue::list(&mut conn, None, default_locale).await?;
    Ok(BookingOptions {
        locations: locations
            .into_iter()
            .map(|l| location_choice(l, store.keyring()?))
            .collect::<Result<_, _>>()?,
        services: services
            .iter()
            .filter(|s| {
                s.draft.active
                    && (s.draft.self_bookable
                        || s.draft.price_kind == crate::catalogue::PriceKind::Quote)
            })
            .map(|s| service_choice(s, locale))
            .collect(),
    })
}

/// Which month (and day) of the calendar a customer looks at.
#[derive(Clone, Copy, Debug)]
pub struct CalendarQuery {
    pub account: AccountRef,
    pub location: LocationRef,
    pub service: ServiceRef,
    /// The first of the month to show; `None`: the selected day's, or this month.
    pub month: Option<Date>,
    pub day: Option<Date>,
    pub now: Timestamp,
    /// The customer's language, and the business's default.
    pub locale: Locale,
    pub default_locale: Locale,
    /// The visit being moved: it must be the account's, at this location, for this
    /// service, and still open; its own time counts as free.
    pub rescheduling: Option<VisitRef>,
}

fn offer(w: &Window) -> WindowOffer {
    WindowOffer {
        start: w.start.as_second(),
        end: w.end.as_second(),
    }
}

/// A month of the calendar: every day with its number of windows, and the windows of the
/// day asked for (or of the month's first day that has any).
#[instrument(skip(store, business))]
pub async fn calendar(
    store: &Store,
    business: &Business,
    query: &CalendarQuery,
) -> Result<BookingCalendar, OffersError> {
    let tz = business.time_zone.zone();
    let today = query.now.to_zoned(tz.clone()).date();
    let mut conn = store.conn().await?;
    let place = accounts::bookable_location(&mut conn, query.account.id(), query.location.id())
        .await?
        .ok_or(OffersError::NotFound)?;
    let horizon_days = sched::horizon_days(&mut conn).await?;
    let offered =
        crate::store::catalogue::list(&mut conn, Some(query.service.id()), query.default_locale)
            .await?
            .into_iter()
            .next()
            .filter(|row| {
                query.rescheduling.is_some() || crate::services::catalogue::customers_book(row)
            })
            .ok_or(OffersError::NotFound)?;
    if let Some(visit) = query.rescheduling {
        let row = crate::store::visits::by_id(&mut conn, visit.id())
            .await?
            .ok_or(OffersError::NotFound)?;
        let same = row.account_id == query.account.id()
            && row.location_id == query.location.id()
            && row.service_id == query.service.id();
        if !same
            || !matches!(
                row.status.as_str(),
                "requested" | "scheduled" | "assigned" | "on_hold"
            )
        {
            return Err(OffersError::NotFound);
        }
    }
    drop(conn);
    let except = query.rescheduling.map(VisitRef::id);
    let at = place_point(&place).ok_or(OffersError::NotPlaced)?;
    let postal_code = place.postal_code.clone();
    let first = query
        .month
        .or(query.day.map(|d| d.first_of_month()))
        .unwrap_or_else(|| today.first_of_month());
    let this_month = today.first_of_month();
    if first < this_month {
        return Err(OffersError::OutOfRange);
    }
    let last = first.last_of_month();
    // Days already past hold nothing; search from today in the current month.
    let horizon_end = today
        .checked_add(Span::new().days(horizon_days))
        .map_err(|_| OffersError::OutOfRange)?;
    if first > horizon_end {
        return Err(OffersError::OutOfRange);
    }
    // Only the month's days from today to the end of the horizon are searched (and their
    // jobs loaded): days already past or beyond the horizon hold nothing.
    let from = first.max(today);
    let to = last.min(horizon_end);
    let days = u16::try_from(
        from.until(to)
            .map_err(|_| OffersError::OutOfRange)?
            .get_days()
            + 1,
    )
    .map_err(|_| OffersError::OutOfRange)?
    .max(1);
    let search = Query {
        service: ServiceKey::Id(query.service.id()),
        at,
        postal_code: Some(&postal_code),
        from,
        days,
        now: query.now,
    };
    let (_, windows) = availability::find_windows_except(store, business, &search, except).await?;
    let mut by_day: BTreeMap<Date, Vec<WindowOffer>> = BTreeMap::new();
    for w in &windows {
        by_day
            .entry(w.start.to_zoned(tz.clone()).date())
            .or_default()
            .push(offer(w));
    }
    let days = first
        .series(Span::new().days(1))
        .take_while(|d| *d <= last)
        .map(|d| CalendarDay {
            date: d.to_string(),
            windows: by_day
                .get(&d)
                .map_or(0, |w| u32::try_from(w.len()).unwrap_or(u32::MAX)),
        })
        .collect();
    let selected = query
        .day
        .filter(|d| d.first_of_month() == first)
        .or_else(|| by_day.keys().next().copied());
    let day_windows = selected
        .and_then(|d| by_day.get(&d).cloned())
        .unwrap_or_default();
    let first_open = if by_day.is_empty() {
        availability::first_window(
            store,
            business,
            ServiceKey::Id(query.service.id()),
            at,
            Some(&postal_code),
            query.now,
        )
        .await?
        .map(|w| offer(&w))
    } else {
        None
    };
    let previous = first
        .checked_sub(Span::new().months(1))
        .ok()
        .filter(|p| *p >= this_month)
        .map(month_key);
    let next = first
        .checked_add(Span::new().months(1))
        .ok()
        .filter(|n| *n <= horizon_end)
        .map(month_key);
    Ok(BookingCalendar {
        location: location_choice(place, store.keyring()?)?,
        service: service_choice(&offered, query.locale),
        month: month_key(first),
        previous,
        next,
        days,
        rescheduling: query.rescheduling,
        selected: selected.map(|d| d.to_string()),
        windows: day_windows,
        first_open,
    })
}
