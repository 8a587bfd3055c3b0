//! Booking a visit: the customer picks a window the engine offered; confirming re-checks it
//! inside one transaction per candidate technician, holding that technician's booking
//! lock, and assigns the best one who still fits. Two customers can never get the same
//! technician time: the second finds the first's job when it re-checks, and is told the
//! window was just taken, with the nearest windows still open. The visit, its timeline
//! step, its audit entry and the confirmation mail are written together.
//!
//! Moving a visit to another window is the same path with `replaces`: the visit's own time
//! does not stand in its way, and the row is updated instead of a new one written.

use crate::brand::Business;
use crate::dto::{SessionUser, WindowOffer};
use crate::ids::{AccountRef, LocationRef, VisitRef};
use crate::scheduling::{self, Window};
use crate::services::availability::{self, AvailabilityError, Query, ServiceKey};
use crate::services::clock;
use crate::services::mail::{self, Mail, MailTemplate, Recipient};
use crate::services::visits::{StepDetail, first_name};
use crate::store::audit::RequestOrigin;
use crate::store::scheduling::{self as sched, NewJob};
use crate::store::{Store, StoreError, visits};
use jiff::{SignedDuration, Timestamp};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("the location is not one of the account's")]
    UnknownLocation,
    /// The location has no position yet.
    #[error("the location has no position")]
    NotPlaced,
    #[error(transparent)]
    Availability(#[from] AvailabilityError),
    /// The window is not (or no longer) offered; the nearest open ones, nearest first.
    #[error("that window was just taken")]
    JustTaken { alternatives: Vec<Window> },
    /// The visit being moved was cancelled or done meanwhile.
    #[error("the visit can no longer be moved")]
    Closed,
    /// The request this visit was booked for was answered (declined, scheduled) meanwhile.
    #[error("the request was answered meanwhile")]
    RequestAnswered,
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
    /// Who books: the audit entry's and the timeline step's actor.
    pub by: &'a SessionUser,
    /// Who gets the confirmation: the booker, or (when a visit moves) who booked it.
    pub notify: Option<&'a Recipient>,
    /// The visit this moves, if it is not a new one.
    pub replaces: Option<VisitRef>,
    /// The recurring plan's day a new visit is generated for: its day row is written in the
    /// same transaction, and a second visit for that day is refused.
    pub plan_day: Option<PlanDay<'a>>,
    /// The request (a problem report) this visit is booked for: it becomes scheduled as the
    /// visit in the same transaction, and nothing is booked if it was answered meanwhile.
    pub for_request: Option<crate::ids::RequestRef>,
    pub origin: &'a RequestOrigin,
}

/// A day of a recurring plan, as the generator read the plan.
#[derive(Clone, Copy, Debug)]
pub struct PlanDay<'a> {
    pub plan: i64,
    /// `YYYY-MM-DD`.
    pub day: &'a str,
    /// The plan's revision when read: if it changed since, nothing is booked and the
    /// booking fails as a conflict.
    pub revision: i64,
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
    let at = crate::services::offers::place_point(&place).ok_or(BookingError::NotPlaced)?;
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
    let except = request.replaces.map(VisitRef::id);
    let (snap, windows) =
        availability::find_windows_except(store, business, &query, except).await?;
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
            let jobs =
                sched::technician_jobs(&mut tx, technician.id, day_start, day_end, except).await?;
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
            let span = (fit.planned_start.as_second(), end.as_second());
            let promised = (window.start.as_second(), window.end.as_second());
            let job_id = match request.replaces {
                Some(visit) => {
                    let moved =
                        visits::move_to(&mut tx, visit.id(), technician.id, span, promised).await?;
                    if !moved {
                        tx.rollback().await.map_err(StoreError::from)?;
                        return Err(BookingError::Closed);
                    }
                    visit.id()
                }
                None => {
                    sched::insert_job(
                        &mut tx,
                        &NewJob {
                            account_id: request.account.id(),
                            location_id: request.location.id(),
                            service_id: snap.service.id,
                            technician_id: Some(technician.id),
                            status: "scheduled",
                            planned_start: span.0,
                            planned_end: span.1,
                            window: Some(promised),
                            notes: request.notes.map(str::to_string),
                            booked_by: Some(request.by.user.id()),
                        },
                        clock::now(),
                    )
                    .await?
                }
            };
            if let Some(plan_day) = request.plan_day {
                if !crate::store::plans::unchanged(&mut tx, plan_day.plan, plan_day.revision)
                    .await?
                {
                    tx.rollback().await.map_err(StoreError::from)?;
                    return Err(BookingError::Store(StoreError::Conflict(
                        "the plan changed while its day was booked".into(),
                    )));
                }
                crate::store::plans::insert_day(
                    &mut tx,
                    plan_day.plan,
                    plan_day.day,
                    "booked",
                    Some(job_id),
                    clock::now(),
                )
                .await?;
            }
            if let Some(asked) = request.for_request {
                let scheduled = crate::services::problems::mark_scheduled(
                    &mut tx,
                    asked.id(),
                    job_id,
                    request.by.user.id(),
                    clock::now(),
                )
                .await?;
                if !scheduled {
                    tx.rollback().await.map_err(StoreError::from)?;
                    return Err(BookingError::RequestAnswered);
                }
            }
            let visit = VisitRef::from_id(job_id);
            let (kind, action, template) = match request.replaces {
                Some(_) => (
                    "rescheduled",
                    "visit_rescheduled",
                    MailTemplate::VisitRescheduled,
                ),
                None => ("booked", "visit_booked", MailTemplate::VisitBooked),
            };
            let now = clock::now();
            let detail = StepDetail {
                window: Some(WindowOffer {
                    start: promised.0,
                    end: promised.1,
                }),
                reason: None,
            };
            let audit_detail = match request.plan_day {
                Some(PlanDay { plan, .. }) => format!(
                    "{} · {}",
                    snap.service.name,
                    crate::ids::PlanRef::from_id(plan)
                ),
                None => snap.service.name.clone(),
            };
            crate::services::visits::record_step(
                &mut tx,
                &crate::services::visits::Recorded {
                    visit,
                    by: request.by,
                    at: now,
                    kind,
                    detail: &detail,
                    action,
                    audit_detail: Some(&audit_detail),
                    origin: request.origin,
                },
            )
            .await?;
            let wanted = match request.notify {
                Some(to) => crate::store::notifications::wants_mail(&mut tx, &to.email, "booked")
                    .await?
                    .then_some(to),
                None => None,
            };
            if let Some(to) = wanted {
                let message = visit_mail(
                    template,
                    to,
                    business,
                    &snap.service.name,
                    &technician.name,
                    visit,
                    (window.start, window.end),
                );
                match message {
                    Some(message) => {
                        mail::queue(&mut tx, &message).await?;
                    }
                    None => {
                        tracing::warn!(%visit, "no mail: the stored address does not parse")
                    }
                }
            }
            let hours = sched::reminder_hours(&mut tx).await?;
            crate::services::reminders::schedule(&mut tx, job_id, promised.0, hours).await?;
            tx.commit().await.map_err(StoreError::from)?;
            store.announce_events();
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
    let (_, open) = availability::find_windows_except(store, business, &around, except).await?;
    Err(BookingError::JustTaken {
        alternatives: nearest(open, request.window_start),
    })
}

/// A mail about a visit's window: in the recipient's language and the business's time
/// zone, with the technician's first name only.
pub fn visit_mail<'a>(
    template: MailTemplate,
    to: &'a Recipient,
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
        template,
        args,
    })
}

/// The open windows nearest to `wanted`, nearest first.
fn nearest(mut open: Vec<Window>, wanted: Timestamp) -> Vec<Window> {
    open.sort_by_key(|w| (w.start.as_second() - wanted.as_second()).abs());
    open.truncate(ALTERNATIVES);
    open
}
