//! The dispatcher's board: a day per technician with the travel between stops, what is not
//! assigned yet, and moving a visit to another technician or time with the engine's reason.
//! Only the office (dispatchers, admins) reads or changes it.

use crate::brand::Business;
use crate::dto::board::{Board, BoardLane, BoardStop, FlaggedDay, MoveAlternative, Moved};
use crate::dto::{SessionUser, VisitStatus, WindowOffer};
use crate::ids::{PlanRef, UserRef, VisitRef};
use crate::permissions::Permission;
use crate::scheduling::{self, Candidate, GeoPoint, Rules, Technician};
use crate::services::availability::{self, AvailabilityError, ServiceKey};
use crate::services::mail::{self, MailTemplate};
use crate::services::visits::StepDetail;
use crate::services::{booking, changes, clock};
use crate::store::audit::RequestOrigin;
use crate::store::board as store;
use crate::store::scheduling as sched;
use crate::store::{Store, StoreError, visits};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use tracing::instrument;

/// Flagged plan days the board lists at most.
const FLAGGED_MAX: i64 = 100;

#[derive(Debug, thiserror::Error)]
pub enum BoardError {
    /// Not the office, or no such visit or technician.
    #[error("not found")]
    NotFound,
    /// The visit is done or cancelled: it moves no more.
    #[error("the visit is closed")]
    Closed,
    /// The visit's place has no position, so no travel can be counted to it.
    #[error("the location has no position")]
    NotPlaced,
    /// The time has passed.
    #[error("that time has passed")]
    Past,
    /// The day is outside what the calendar can hold.
    #[error("the day is out of range")]
    OutOfRange,
    /// The technician cannot take it then; these could, best first.
    #[error("the visit does not fit the technician's day at that time")]
    DoesNotFit { could: Vec<MoveAlternative> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<AvailabilityError> for BoardError {
    fn from(err: AvailabilityError) -> Self {
        match err {
            AvailabilityError::Store(e) => Self::Store(e),
            AvailabilityError::UnknownService(_) => Self::NotFound,
            _ => Self::OutOfRange,
        }
    }
}

fn office(by: &SessionUser) -> Result<(), BoardError> {
    if by.role.allows(Permission::ManageScheduling) {
        Ok(())
    } else {
        Err(BoardError::NotFound)
    }
}

fn minutes(d: SignedDuration) -> i64 {
    (d.as_secs() + 30) / 60
}

/// Local midnight of `day` and of the day after, as instants.
fn day_span(day: Date, tz: &TimeZone) -> Result<(Timestamp, Timestamp), BoardError> {
    let start = day
        .to_zoned(tz.clone())
        .map_err(|_| BoardError::OutOfRange)?;
    let end = day
        .tomorrow()
        .and_then(|d| d.to_zoned(tz.clone()))
        .map_err(|_| BoardError::OutOfRange)?;
    Ok((start.timestamp(), end.timestamp()))
}

fn at_minute(day: Date, minute: u32, tz: &TimeZone) -> Option<i64> {
    let midnight = day.to_zoned(tz.clone()).ok()?;
    let at = midnight
        .checked_add(SignedDuration::from_mins(i64::from(minute)))
        .ok()?;
    Some(at.timestamp().as_second())
}

fn position(job: &store::BoardJob) -> Option<GeoPoint> {
    GeoPoint::new(job.latitude?, job.longitude?).ok()
}

fn stop(job: &store::BoardJob, travel_in: Option<SignedDuration>) -> BoardStop {
    BoardStop {
        visit: VisitRef::from_id(job.id),
        status: VisitStatus::parse(&job.status).unwrap_or(VisitStatus::Scheduled),
        service: job.service_name.clone(),
        customer: job.account_name.clone(),
        place: format!("{} · {}, {}", job.location_label, job.line1, job.city),
        planned: WindowOffer {
            start: job.planned_start,
            end: job.planned_end,
        },
        window: job
            .window_start
            .zip(job.window_end)
            .map(|(start, end)| WindowOffer { start, end }),
        travel_in_min: travel_in.map(minutes),
    }
}

fn lane(
    tech: &Technician,
    jobs: &[store::BoardJob],
    rules: &Rules,
    day: Date,
    (from, to): (Timestamp, Timestamp),
    tz: &TimeZone,
) -> BoardLane {
    let mut shifts: Vec<WindowOffer> = tech
        .hours()
        .on(day.weekday())
        .iter()
        .copied()
        .chain(
            tech.extra_shifts()
                .iter()
                .filter(|(d, _)| *d == day)
                .map(|(_, s)| *s),
        )
        .filter_map(|s| {
            Some(WindowOffer {
                start: at_minute(day, s.start().minutes(), tz)?,
                end: at_minute(day, s.end().minutes(), tz)?,
            })
        })
        .collect();
    shifts.sort_by_key(|s| s.start);
    let blocked = tech
        .time_off()
        .iter()
        .filter(|s| s.start() < to && s.end() > from)
        .map(|s| WindowOffer {
            start: s.start().as_second(),
            end: s.end().as_second(),
        })
        .collect();
    let mut at = Some(tech.home());
    let mut travel = 0;
    let stops = jobs
        .iter()
        .filter(|j| j.technician_id == Some(tech.id))
        .map(|job| {
            let here = position(job);
            let travel_in = at.zip(here).map(|(a, b)| rules.travel().between(a, b));
            travel += travel_in.map_or(0, minutes);
            at = here;
            stop(job, travel_in)
        })
        .collect();
    BoardLane {
        technician: UserRef::from_id(tech.id),
        name: tech.name.clone(),
        skills: tech.skills().to_vec(),
        shifts,
        blocked,
        stops,
        travel_min: travel,
    }
}

/// The board for the local `day`.
#[instrument(skip(store, business, by), fields(by = %by.user))]
pub async fn day(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    day: Date,
) -> Result<Board, BoardError> {
    office(by)?;
    let tz = business.time_zone.zone();
    let (from, to) = day_span(day, &tz)?;
    let today = Timestamp::now().to_zoned(tz.clone()).date().to_string();
    let (rules, technicians, jobs, flagged) = {
        let mut tx = store.begin().await?;
        let rules = sched::rules(&mut tx, business.time_zone.as_str()).await?;
        let technicians = sched::technicians(&mut tx, from, to).await?;
        let jobs = store::jobs_between(&mut tx, from.as_second(), to.as_second()).await?;
        let flagged = store::flagged(&mut tx, &today, FLAGGED_MAX).await?;
        tx.commit().await.map_err(StoreError::from)?;
        (rules, technicians, jobs, flagged)
    };
    let lanes = technicians
        .iter()
        .map(|t| lane(t, &jobs, &rules, day, (from, to), &tz))
        .collect();
    let unassigned = jobs
        .iter()
        .filter(|j| j.technician_id.is_none())
        .map(|j| stop(j, None))
        .collect();
    let flagged = flagged
        .into_iter()
        .map(|f| FlaggedDay {
            plan: PlanRef::from_id(f.plan_id),
            day: f.day,
            customer: f.account_name,
            service: f.service_name,
            window_start_min: u16::try_from(f.window_start_min).unwrap_or(0),
        })
        .collect();
    let open_requests = crate::services::requests::open(
        store,
        by.locale.unwrap_or(business.default_locale),
        business.default_locale,
    )
    .await?;
    Ok(Board {
        day: day.to_string(),
        lanes,
        unassigned,
        flagged,
        open_requests,
    })
}

fn alternatives(candidates: Vec<Candidate>, technicians: &[Technician]) -> Vec<MoveAlternative> {
    candidates
        .into_iter()
        .filter_map(|c| {
            let t = technicians.iter().find(|t| t.id == c.technician)?;
            Some(MoveAlternative {
                technician: UserRef::from_id(t.id),
                name: t.name.clone(),
                added_travel_min: minutes(c.added_travel),
            })
        })
        .collect()
}

/// A technician's day checked for a job at `start`: first on a snapshot, then again in
/// `tx` under the technician's lock (bookings made meanwhile included). The lock is held
/// until `tx` ends.
struct Fitted {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    snap: availability::Snapshot,
    chosen: Technician,
    fit: Candidate,
}

/// Where and when a job is to fit.
struct Spot<'a> {
    service: ServiceKey<'a>,
    point: GeoPoint,
    postal_code: &'a str,
    technician: UserRef,
    start: Timestamp,
    /// The visit being moved: its own time does not count against it.
    except: Option<i64>,
}

async fn fit(store: &Store, business: &Business, spot: &Spot<'_>) -> Result<Fitted, BoardError> {
    let tz = business.time_zone.zone();
    let day = spot.start.to_zoned(tz).date();
    let snap =
        availability::snapshot_except(store, business, spot.service, day, 1, spot.except).await?;
    let chosen = snap
        .technicians
        .iter()
        .find(|t| t.id == spot.technician.id())
        .cloned()
        .ok_or(BoardError::NotFound)?;
    let postal = Some(spot.postal_code);
    let fits_with = |jobs: &[scheduling::Job], who: &[Technician]| {
        scheduling::best_technicians(
            &snap.service,
            spot.point,
            postal,
            spot.start,
            who,
            jobs,
            &snap.rules,
        )
    };
    if fits_with(&snap.jobs, std::slice::from_ref(&chosen)).is_empty() {
        let could = alternatives(fits_with(&snap.jobs, &snap.technicians), &snap.technicians);
        return Err(BoardError::DoesNotFit { could });
    }
    let mut tx = store.begin().await?;
    sched::lock_technician(&mut tx, chosen.id).await?;
    let around = SignedDuration::from_hours(48);
    let jobs = sched::technician_jobs(
        &mut tx,
        chosen.id,
        spot.start - around,
        spot.start + around,
        spot.except,
    )
    .await?;
    let Some(fit) = fits_with(&jobs, std::slice::from_ref(&chosen))
        .into_iter()
        .next()
    else {
        tx.rollback().await.map_err(StoreError::from)?;
        // Taken meanwhile: the others as the snapshot saw them.
        let mut could = alternatives(fits_with(&snap.jobs, &snap.technicians), &snap.technicians);
        could.retain(|c| c.technician.id() != chosen.id);
        return Err(BoardError::DoesNotFit { could });
    };
    Ok(Fitted {
        tx,
        snap,
        chosen,
        fit,
    })
}

/// The window a job starting at `start` promises, by the business's window width.
fn promised(start: Timestamp, rules: &Rules) -> WindowOffer {
    WindowOffer {
        start: start.as_second(),
        end: (start + rules.window()).as_second(),
    }
}

/// Moves an open visit to `technician`, starting at `start`, if it fits their day then
/// (hours, time off, the other visits and the travel between them; no notice rule: this
/// is the office). The customer's window becomes the one starting then; the visit's
/// timeline, the audit log and a mail to whoever booked it say so.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn move_visit(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    visit: VisitRef,
    technician: UserRef,
    start: Timestamp,
    origin: &RequestOrigin,
) -> Result<Moved, BoardError> {
    office(by)?;
    if start < Timestamp::now() {
        return Err(BoardError::Past);
    }
    let (row, point, notify) = {
        let mut conn = store.conn().await?;
        let row = visits::by_id(&mut conn, visit.id())
            .await?
            .ok_or(BoardError::NotFound)?;
        let place =
            crate::store::accounts::bookable_location(&mut conn, row.account_id, row.location_id)
                .await?
                .ok_or(BoardError::NotFound)?;
        let point = crate::services::offers::place_point(&place).ok_or(BoardError::NotPlaced)?;
        let notify = changes::booker_of(&mut conn, &row).await?;
        (row, point, notify)
    };
    let open = VisitStatus::parse(&row.status).is_some_and(|s| {
        matches!(
            s,
            VisitStatus::Requested
                | VisitStatus::Scheduled
                | VisitStatus::Assigned
                | VisitStatus::OnHold
        )
    });
    if !open {
        return Err(BoardError::Closed);
    }
    let Fitted {
        mut tx,
        snap,
        chosen,
        fit,
    } = fit(
        store,
        business,
        &Spot {
            service: ServiceKey::Id(row.service_id),
            point,
            postal_code: &row.postal_code,
            technician,
            start,
            except: Some(row.id),
        },
    )
    .await?;
    let end = start + snap.service.duration();
    let window = promised(start, &snap.rules);
    let moved = visits::move_to(
        &mut tx,
        row.id,
        chosen.id,
        (start.as_second(), end.as_second()),
        (window.start, window.end),
    )
    .await?;
    if !moved {
        tx.rollback().await.map_err(StoreError::from)?;
        return Err(BoardError::Closed);
    }
    let (added, gap) = (minutes(fit.added_travel), minutes(fit.gap_left));
    let detail = serde_json::json!({
        "technician": UserRef::from_id(chosen.id).to_string(),
        "start": window.start,
        "added_travel_min": added,
        "gap_left_min": gap,
    });
    let done = Done {
        by,
        visit,
        kind: "rescheduled",
        action: "visit_moved",
        detail,
        template: MailTemplate::VisitRescheduled,
        notify: notify.as_ref(),
        service: &snap.service.name,
        technician: &chosen.name,
        window,
        origin,
    };
    tell(&mut tx, business, &done).await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(Moved {
        visit,
        technician: chosen.name.clone(),
        window,
        added_travel_min: added,
        gap_left_min: gap,
    })
}

/// What a change on the board did, for the timeline, the audit log and the customer.
struct Done<'a> {
    by: &'a SessionUser,
    visit: VisitRef,
    /// The timeline step.
    kind: &'static str,
    /// The audit action.
    action: &'static str,
    detail: serde_json::Value,
    template: MailTemplate,
    notify: Option<&'a mail::Recipient>,
    service: &'a str,
    technician: &'a str,
    window: WindowOffer,
    origin: &'a RequestOrigin,
}

/// Writes the timeline step, the audit entry, the customer's mail and the reminder of a
/// change, in the change's transaction.
async fn tell(
    conn: &mut crate::store::Conn,
    business: &Business,
    done: &Done<'_>,
) -> Result<(), BoardError> {
    let now = clock::now();
    let step = StepDetail {
        window: Some(done.window),
        reason: None,
    };
    let detail = done.detail.to_string();
    crate::services::visits::record_step(
        &mut *conn,
        &crate::services::visits::Recorded {
            visit: done.visit,
            by: done.by,
            at: now,
            kind: done.kind,
            detail: &step,
            action: done.action,
            audit_detail: Some(&detail),
            origin: done.origin,
        },
    )
    .await?;
    let window = (
        Timestamp::from_second(done.window.start).map_err(|_| BoardError::OutOfRange)?,
        Timestamp::from_second(done.window.end).map_err(|_| BoardError::OutOfRange)?,
    );
    if let Some(to) = done.notify {
        let message = booking::visit_mail(
            done.template,
            to,
            business,
            done.service,
            done.technician,
            done.visit,
            window,
        );
        match message {
            Some(message) => {
                mail::queue(conn, &message).await?;
            }
            None => {
                tracing::warn!(visit = %done.visit, "no mail: the stored address does not parse")
            }
        }
    }
    let hours = sched::reminder_hours(conn).await?;
    crate::services::reminders::schedule(conn, done.visit.id(), done.window.start, hours).await?;
    Ok(())
}

/// Arranges a regular visit `plan`'s flagged `day` with `technician` at `start`, if it fits their
/// day then: the visit is booked for the plan's place and service, the day is no longer
/// flagged, and whoever set the plan up gets the confirmation mail.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn place_flagged(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    (plan, day): (PlanRef, Date),
    technician: UserRef,
    start: Timestamp,
    origin: &RequestOrigin,
) -> Result<Moved, BoardError> {
    office(by)?;
    if start < Timestamp::now() {
        return Err(BoardError::Past);
    }
    let day_key = day.to_string();
    let (row, place, point, notify) = {
        let mut conn = store.conn().await?;
        let row = crate::store::plans::get(&mut conn, plan.id())
            .await?
            .ok_or(BoardError::NotFound)?;
        if row.status != "active" {
            return Err(BoardError::Closed);
        }
        let flagged = crate::store::plans::days(&mut conn, row.id, &day_key)
            .await?
            .into_iter()
            .any(|d| d.day == day_key && d.state == "misfit");
        if !flagged {
            return Err(BoardError::Closed);
        }
        let place =
            crate::store::accounts::bookable_location(&mut conn, row.account_id, row.location_id)
                .await?
                .ok_or(BoardError::NotFound)?;
        let point = crate::services::offers::place_point(&place).ok_or(BoardError::NotPlaced)?;
        let notify = match row.created_by {
            // Whoever set the plan up, while they still may sign in.
            Some(id) => crate::store::users::by_id(&mut conn, id)
                .await
                .ok()
                .and_then(|u| crate::services::auth::session_user(&u))
                .map(|u| mail::Recipient::from(&u)),
            None => None,
        };
        (row, place, point, notify)
    };
    let Fitted {
        mut tx,
        snap,
        chosen,
        fit,
    } = fit(
        store,
        business,
        &Spot {
            service: ServiceKey::Id(row.service_id),
            point,
            postal_code: &place.postal_code,
            technician,
            start,
            except: None,
        },
    )
    .await?;
    let end = start + snap.service.duration();
    let window = promised(start, &snap.rules);
    let job = sched::insert_job(
        &mut tx,
        &sched::NewJob {
            account_id: row.account_id,
            location_id: row.location_id,
            service_id: row.service_id,
            technician_id: Some(chosen.id),
            status: "scheduled",
            planned_start: start.as_second(),
            planned_end: end.as_second(),
            window: Some((window.start, window.end)),
            notes: row.notes.clone(),
            booked_by: row.created_by,
        },
        clock::now(),
    )
    .await?;
    // Placed by someone else meanwhile: this one books nothing.
    if !crate::store::plans::place_day(&mut tx, row.id, &day_key, job).await? {
        tx.rollback().await.map_err(StoreError::from)?;
        return Err(BoardError::Closed);
    }
    let visit = VisitRef::from_id(job);
    let (added, gap) = (minutes(fit.added_travel), minutes(fit.gap_left));
    let detail = serde_json::json!({
        "plan": plan.to_string(),
        "day": day_key,
        "technician": UserRef::from_id(chosen.id).to_string(),
        "added_travel_min": added,
        "gap_left_min": gap,
    });
    let done = Done {
        by,
        visit,
        kind: "booked",
        action: "plan_day_placed",
        detail,
        template: MailTemplate::VisitBooked,
        notify: notify.as_ref(),
        service: &snap.service.name,
        technician: &chosen.name,
        window,
        origin,
    };
    tell(&mut tx, business, &done).await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(Moved {
        visit,
        technician: chosen.name.clone(),
        window,
        added_travel_min: added,
        gap_left_min: gap,
    })
}
