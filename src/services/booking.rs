//! Booking a visit: the customer picks a window the engine offered; confirming re-checks it
//! inside one transaction per candidate technician, holding that technician's booking
//! lock, and assigns the best one who still fits. Two customers can never get the same
//! technician time: the second finds the first's job when it re-checks, and is told the
//! window was just taken, with the nearest windows still open. The visit, its audit entry
//! and the confirmation mail are written together.

use crate::brand::Business;
use crate::dto::SessionUser;
use crate::dto::WindowOffer;
use crate::ids::{AccountRef, LocationRef, VisitRef};
use crate::scheduling::{self, GeoPoint, Window};
use crate::services::availability::{self, AvailabilityError, Query, ServiceKey};
use crate::services::clock;
use crate::services::mail::{self, Mail, MailTemplate};
use crate::services::visits::{StepDetail, first_name};
use crate::store::audit::{self, RequestOrigin};
use crate::store::scheduling::{self as sched, NewJob};
use crate::store::{Store, StoreError, visits};
use jiff::{SignedDuration, Timestamp};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("the location is not one of the account's")]
    UnknownLocation,
    #[error(transparent)]
    Availability(#[from] AvailabilityError),
    /// The window is not (or no longer) offered; the nearest open ones, nearest first.
    #[error("that window was just taken")]
    JustTaken { alternatives: Vec<Window> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the customer confirmed.
#[derive(Clone, Debug)]
pub struct BookingRequest<'a> {
    pub account: AccountRef,
    pub location: LocationRef,
    pub service: ServiceKey<'a>,
    /// The start of the offered window they chose.
    pub window_start: Timestamp,
    /// What they wrote for the technician (already checked: trimmed, not empty, in limits).
    pub notes: Option<&'a str>,
    pub now: Timestamp,
    /// Who books: the audit entry's actor and the confirmation's recipient.
    pub by: &'a SessionUser,
    pub origin: &'a RequestOrigin,
}

/// A booked visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booked {
    pub visit: VisitRef,
    pub technician: i64,
    /// The technician's first name, as the customer is told it.
    pub technician_name: String,
    pub window: (Timestamp, Timestamp),
    pub planned_start: Timestamp,
}

/// Alternatives offered with "just taken".
const ALTERNATIVES: usize = 3;

/// Books the window for the best technician who can still take it.
#[instrument(skip(store, business), fields(account = %request.account))]
pub async fn book(
    store: &Store,
    business: &Business,
    request: &BookingRequest<'_>,
) -> Result<Booked, BookingError> {
    let place = {
        let mut conn = store.conn().await?;
        crate::store::accounts::bookable_location(
            &mut conn,
            request.account.id(),
            request.location.id(),
        )
        .await?
        .ok_or(BookingError::UnknownLocation)?
    };
    let at = GeoPoint::new(place.latitude, place.longitude)
        .map_err(|_| BookingError::UnknownLocation)?;
    let postal_code = place.postal_code;
    let tz = business.time_zone.zone();
    let query = Query {
        service: request.service,
        at,
        postal_code: Some(&postal_code),
        from: request.window_start.to_zoned(tz).date(),
        days: 1,
        now: request.now,
    };
    let (snap, windows) = availability::find_windows(store, business, &query).await?;
    if let Some(window) = windows.iter().find(|w| w.start == request.window_start) {
        for candidate in &window.candidates {
            let Some(technician) = snap
                .technicians
                .iter()
                .find(|t| t.id == candidate.technician)
            else {
                continue;
            };
            let mut tx = store.begin().await?;
            if !sched::lock_technician(&mut tx, technician.id).await? {
                continue;
            }
            // Inside the lock: the technician's day as it is now, other bookings included.
            let day_start = window.start - SignedDuration::from_hours(48);
            let day_end = window.end + SignedDuration::from_hours(48);
            let jobs = sched::jobs(&mut tx, day_start, day_end).await?;
            let still = scheduling::best_technicians(
                &snap.service,
                at,
                Some(&postal_code),
                candidate.planned_start,
                std::slice::from_ref(technician),
                &jobs,
                &snap.rules,
            );
            let Some(fit) = still.into_iter().next() else {
                // Someone took this technician's time meanwhile; try the next one.
                tx.rollback().await.map_err(StoreError::from)?;
                continue;
            };
            let end = fit.planned_start + snap.service.duration();
            let job_id = sched::insert_job(
                &mut tx,
                &NewJob {
                    account_id: request.account.id(),
                    location_id: request.location.id(),
                    service_id: snap.service.id,
                    technician_id: Some(technician.id),
                    status: "scheduled",
                    planned_start: fit.planned_start.as_second(),
                    planned_end: end.as_second(),
                    window: Some((window.start.as_second(), window.end.as_second())),
                    notes: request.notes.map(str::to_string),
                    booked_by: Some(request.by.user.id()),
                },
                clock::now(),
            )
            .await?;
            let visit = VisitRef::from_id(job_id);
            let now = clock::now();
            let detail = StepDetail {
                window: Some(WindowOffer {
                    start: window.start.as_second(),
                    end: window.end.as_second(),
                }),
                reason: None,
            };
            visits::add_timeline(
                &mut tx,
                job_id,
                now,
                Some(request.by.user.id()),
                "booked",
                &detail.to_json(),
            )
            .await?;
            let actor = request.by.user.to_string();
            let subject = visit.to_string();
            audit::record(
                &mut tx,
                &audit::Entry {
                    at: now,
                    actor: Some(actor),
                    action: "visit_booked",
                    subject: Some(&subject),
                    detail: Some(snap.service.name.as_str()),
                    origin: request.origin,
                },
            )
            .await?;
            let confirmation = confirmation(
                request.by,
                business,
                &snap.service.name,
                &technician.name,
                visit,
                (window.start, window.end),
            );
            match confirmation {
                Some(mail) => {
                    mail::queue(&mut tx, &mail).await?;
                }
                None => {
                    tracing::warn!(user = %request.by.user, "no confirmation mail: the stored address does not parse")
                }
            }
            tx.commit().await.map_err(StoreError::from)?;
            return Ok(Booked {
                visit,
                technician: technician.id,
                technician_name: first_name(&technician.name),
                window: (window.start, window.end),
                planned_start: fit.planned_start,
            });
        }
    }
    // Taken (or never offered): the nearest windows open now, over the next week.
    let around = Query {
        from: query.from,
        days: 7,
        ..query
    };
    let (_, open) = availability::find_windows(store, business, &around).await?;
    Err(BookingError::JustTaken {
        alternatives: nearest(open, request.window_start),
    })
}

/// The confirmation mail: the window in the recipient's language and the business's time
/// zone, and the technician's first name only.
fn confirmation<'a>(
    to: &'a SessionUser,
    business: &Business,
    service: &str,
    technician: &str,
    visit: VisitRef,
    (start, end): (Timestamp, Timestamp),
) -> Option<Mail<'a>> {
    let to_address = crate::email::Email::parse(&to.email).ok()?;
    let locale = to.locale.unwrap_or(business.default_locale);
    let tz = business.time_zone.zone();
    let args = [
        ("service", service.to_string()),
        ("date", crate::format::date(start, &tz, locale)),
        ("from", crate::format::time(start, &tz, locale)),
        ("to", crate::format::time(end, &tz, locale)),
        ("technician", first_name(technician)),
        ("reference", visit.to_string()),
        ("name", to.name.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Some(Mail {
        to: to_address,
        to_name: Some(&to.name),
        locale,
        template: MailTemplate::VisitBooked,
        args,
    })
}

/// The open windows nearest to `wanted`, nearest first.
fn nearest(mut open: Vec<Window>, wanted: Timestamp) -> Vec<Window> {
    open.sort_by_key(|w| (w.start.as_second() - wanted.as_second()).abs());
    open.truncate(ALTERNATIVES);
    open
}
