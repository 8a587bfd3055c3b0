//! "When can you come?": loads one consistent snapshot of the schedule and asks the engine.

use crate::brand::Business;
use crate::scheduling::{self, GeoPoint, Request, Rules, ServiceSpec, Technician, Window};
use crate::store::{Store, StoreError, scheduling as sched};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::collections::BTreeMap;
use tracing::instrument;

/// Which service a customer asks about: by the name people type (the CLI), or by its
/// reference (the portal's pages).
#[derive(Clone, Copy, Debug)]
pub enum ServiceKey<'a> {
    Name(&'a str),
    Id(i64),
}

impl<'a> From<&'a str> for ServiceKey<'a> {
    fn from(name: &'a str) -> Self {
        Self::Name(name)
    }
}

impl<'a> From<&'a String> for ServiceKey<'a> {
    fn from(name: &'a String) -> Self {
        Self::Name(name)
    }
}

impl std::fmt::Display for ServiceKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Name(name) => write!(f, "{name:?}"),
            Self::Id(id) => write!(f, "{}", crate::ids::ServiceRef::from_id(*id)),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AvailabilityError {
    #[error("no bookable service is {0}")]
    UnknownService(String),
    #[error("the search may cover 1 to 60 days")]
    TooManyDays,
    #[error("the search must start within a year of today")]
    DateOutOfRange,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Everything one search needs, read in one transaction.
pub struct Snapshot {
    pub service: ServiceSpec,
    pub rules: Rules,
    pub technicians: Vec<Technician>,
    pub jobs: Vec<scheduling::Job>,
}

/// The most days one search covers.
pub const MAX_DAYS: u16 = 60;

/// Loads the service, rules, technicians and jobs for `days` local days from `from`.
pub async fn snapshot(
    store: &Store,
    business: &Business,
    service: ServiceKey<'_>,
    from: Date,
    days: u16,
) -> Result<Snapshot, AvailabilityError> {
    snapshot_except(store, business, service, from, days, None).await
}

/// As [`snapshot`], without job `except` (a visit being moved).
pub async fn snapshot_except(
    store: &Store,
    business: &Business,
    service: ServiceKey<'_>,
    from: Date,
    days: u16,
    except: Option<i64>,
) -> Result<Snapshot, AvailabilityError> {
    if days == 0 || days > MAX_DAYS {
        return Err(AvailabilityError::TooManyDays);
    }
    let tz = business.time_zone.zone();
    // A day either side: shifts and jobs near midnight, in any zone.
    let midnight = from
        .to_zoned(tz.clone())
        .map_err(|_| AvailabilityError::DateOutOfRange)?
        .timestamp();
    let start = midnight
        .checked_sub(SignedDuration::from_hours(24))
        .map_err(|_| AvailabilityError::DateOutOfRange)?;
    let end = start
        .checked_add(SignedDuration::from_hours(24 * (i64::from(days) + 2)))
        .map_err(|_| AvailabilityError::DateOutOfRange)?;
    let mut tx = store.begin().await?;
    let found = match service {
        ServiceKey::Name(name) => sched::service_by_name(&mut tx, name).await?,
        ServiceKey::Id(id) => sched::service_by_id(&mut tx, id).await?,
    };
    let service = found.ok_or_else(|| AvailabilityError::UnknownService(service.to_string()))?;
    let rules = sched::rules(&mut tx, business.time_zone.as_str()).await?;
    let technicians = sched::technicians(&mut tx, start, end).await?;
    let jobs = sched::jobs_except(&mut tx, start, end, except).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(Snapshot {
        service,
        rules,
        technicians,
        jobs,
    })
}

/// Refuses instants so far out that adding a horizon to them would leave the calendar.
fn within_reach(at: Timestamp) -> Result<(), AvailabilityError> {
    let margin = SignedDuration::from_hours(24 * 800);
    match (at.checked_sub(margin), at.checked_add(margin)) {
        (Ok(_), Ok(_)) => Ok(()),
        _ => Err(AvailabilityError::DateOutOfRange),
    }
}

/// A customer's question: this service, at this place, on these days.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    pub service: ServiceKey<'a>,
    pub at: GeoPoint,
    pub postal_code: Option<&'a str>,
    pub from: Date,
    pub days: u16,
    pub now: Timestamp,
}

/// The windows a customer is offered, with candidates, best first.
pub async fn find_windows(
    store: &Store,
    business: &Business,
    query: &Query<'_>,
) -> Result<(Snapshot, Vec<Window>), AvailabilityError> {
    find_windows_except(store, business, query, None).await
}

/// As [`find_windows`], as if job `except` (a visit being moved) were not there.
#[instrument(skip(store, business))]
pub async fn find_windows_except(
    store: &Store,
    business: &Business,
    query: &Query<'_>,
    except: Option<i64>,
) -> Result<(Snapshot, Vec<Window>), AvailabilityError> {
    within_reach(query.now)?;
    let today = query.now.to_zoned(business.time_zone.zone()).date();
    let year = jiff::Span::new().days(366);
    let range = today
        .checked_sub(year)
        .ok()
        .zip(today.checked_add(year).ok());
    if !range.is_some_and(|(earliest, latest)| (earliest..=latest).contains(&query.from)) {
        return Err(AvailabilityError::DateOutOfRange);
    }
    let snap = snapshot_except(
        store,
        business,
        query.service,
        query.from,
        query.days,
        except,
    )
    .await?;
    let request = Request {
        service: &snap.service,
        at: query.at,
        postal_code: query.postal_code,
        from: query.from,
        days: query.days,
        now: query.now,
    };
    let windows = scheduling::search(&request, &snap.technicians, &snap.jobs, &snap.rules);
    Ok((snap, windows))
}

/// The first window offered for the service at the place anywhere in the booking horizon,
/// or `None` when there is none: what a customer is told when the days they looked at are
/// full ("the first free day is …"), or that nothing is free at all.
#[instrument(skip(store, business))]
pub async fn first_window(
    store: &Store,
    business: &Business,
    service: ServiceKey<'_>,
    at: GeoPoint,
    postal_code: Option<&str>,
    now: Timestamp,
) -> Result<Option<Window>, AvailabilityError> {
    let mut from = now.to_zoned(business.time_zone.zone()).date();
    let mut left: Option<u16> = None;
    loop {
        let days = left.map_or(MAX_DAYS, |l| l.min(MAX_DAYS));
        if days == 0 {
            return Ok(None);
        }
        let query = Query {
            service,
            at,
            postal_code,
            from,
            days,
            now,
        };
        let (snap, windows) = find_windows(store, business, &query).await?;
        if let Some(first) = windows.into_iter().next() {
            return Ok(Some(first));
        }
        // The horizon counts from today; learn it from the first search's rules.
        let remaining = left.unwrap_or(snap.rules.horizon_days());
        left = Some(remaining.saturating_sub(days));
        from = match from.checked_add(jiff::Span::new().days(i64::from(days))) {
            Ok(next) => next,
            Err(_) => return Ok(None),
        };
    }
}

/// Technician names by id, for showing candidates.
pub fn names(technicians: &[Technician]) -> BTreeMap<i64, String> {
    technicians.iter().map(|t| (t.id, t.name.clone())).collect()
}

/// A dispatcher's question: who is best placed to do `service_name` at `at`, starting at
/// `start`? Qualified technicians whose day the job fits into at exactly that time, best
/// first, each with the added travel and the gap left as the reason.
pub async fn best_technicians(
    store: &Store,
    business: &Business,
    service: ServiceKey<'_>,
    at: GeoPoint,
    postal_code: Option<&str>,
    start: Timestamp,
) -> Result<Vec<scheduling::Candidate>, AvailabilityError> {
    within_reach(start)?;
    let day = start.to_zoned(business.time_zone.zone()).date();
    let snap = snapshot(store, business, service, day, 1).await?;
    Ok(scheduling::best_technicians(
        &snap.service,
        at,
        postal_code,
        start,
        &snap.technicians,
        &snap.jobs,
        &snap.rules,
    ))
}
