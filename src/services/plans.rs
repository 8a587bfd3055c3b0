//! Recurring plans: a customer's regular visit. The generator books each day of the rule
//! over the rolling booking horizon through the same path as a customer's booking; a day
//! whose preferred window is not free is flagged for the office, never dropped. Each day
//! gets one row, written with its visit, so generating twice (or after a crash halfway)
//! books nothing twice. Customers skip a day, pause until a date and resume.

use crate::brand::Business;
use crate::dto::SessionUser;
use crate::ids::{LocationRef, PlanRef, ServiceRef, VisitRef};
use crate::permissions::{Capability, Permission};
use crate::recurrence::Recurrence;
use crate::services::availability::ServiceKey;
use crate::services::booking::{self, BookingError, BookingRequest, PlanDay};
use crate::services::changes::{self, ChangeError};
use crate::services::clock;
use crate::services::mail::Recipient;
use crate::services::tasks::{self, TaskError, TaskFuture, TaskHandler};
use crate::store::audit::{self, RequestOrigin};
use crate::store::plans::{self as store, NewPlan, PlanRow};
use crate::store::{Conn, Store, StoreError, accounts, scheduling as sched, users};
use jiff::civil::{Date, Time};
use jiff::{SignedDuration, Timestamp, ToSpan};
use std::time::Duration;
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// Not the person's account's plan, location or a service they may book.
    #[error("not found")]
    NotFound,
    /// The plan ended.
    #[error("the plan has ended")]
    Ended,
    /// The location has no position yet, so nobody can be booked to go there.
    #[error("the location has no position")]
    NotPlaced,
    /// The day is not one of the plan's.
    #[error("not a day of the plan")]
    NotADay,
    /// A visit of the day is too close to change online.
    #[error("too close to the visit to change it online")]
    TooLate { notice_hours: i64 },
    /// The stored rule does not read (a bug or a hand edit): reported, never guessed at.
    #[error("the plan's rule is unreadable: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ChangeError> for PlanError {
    fn from(err: ChangeError) -> Self {
        match err {
            ChangeError::TooLate { notice_hours } => Self::TooLate { notice_hours },
            ChangeError::Store(e) => Self::Store(e),
            ChangeError::NotFound
            | ChangeError::Closed
            | ChangeError::TooMany
            | ChangeError::Booking(_) => Self::NotFound,
        }
    }
}

/// A new plan as the customer set it up.
#[derive(Clone, Debug)]
pub struct PlanDraft {
    pub location: LocationRef,
    pub service: ServiceRef,
    pub recurrence: Recurrence,
    /// The preferred window's start, minutes after local midnight.
    pub window_start_min: u16,
    pub notes: Option<String>,
}

/// What one generator run did for a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub booked: usize,
    pub misfits: usize,
}

impl std::ops::AddAssign for Generated {
    fn add_assign(&mut self, other: Self) {
        self.booked += other.booked;
        self.misfits += other.misfits;
    }
}

pub(crate) fn rule_of(row: &PlanRow) -> Result<Recurrence, PlanError> {
    serde_json::from_str(&row.rule).map_err(|e| PlanError::Corrupt(e.to_string()))
}

/// The instant the preferred window starts on `day`.
pub(crate) fn window_on(
    day: Date,
    window_start_min: i64,
    business: &Business,
) -> Option<Timestamp> {
    let minutes = i8::try_from(window_start_min / 60)
        .ok()
        .zip(i8::try_from(window_start_min % 60).ok())?;
    let time = Time::new(minutes.0, minutes.1, 0, 0).ok()?;
    day.to_datetime(time)
        .to_zoned(business.time_zone.zone())
        .ok()
        .map(|z| z.timestamp())
}

/// Sets up a plan for the person's account and books its first visits at once.
#[instrument(skip(store, business, by, draft, origin), fields(by = %by.user))]
pub async fn create(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    draft: &PlanDraft,
    origin: &RequestOrigin,
) -> Result<(PlanRef, Generated), PlanError> {
    if !by.role.allows(Permission::BookVisits) {
        return Err(PlanError::NotFound);
    }
    let account = by.account.ok_or(PlanError::NotFound)?;
    if !by.may_at(Capability::Book, account.id(), draft.location.id()) {
        return Err(PlanError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account.id()).await?;
    let place = accounts::bookable_location(&mut tx, account.id(), draft.location.id())
        .await?
        .ok_or(PlanError::NotFound)?;
    if crate::services::offers::place_point(&place).is_none() {
        return Err(PlanError::NotPlaced);
    }
    let service =
        crate::store::catalogue::list(&mut tx, Some(draft.service.id()), business.default_locale)
            .await?
            .into_iter()
            .next()
            .filter(crate::services::catalogue::customers_book)
            .ok_or(PlanError::NotFound)?;
    let rule =
        serde_json::to_string(&draft.recurrence).map_err(|e| PlanError::Corrupt(e.to_string()))?;
    let id = store::insert(
        &mut tx,
        &NewPlan {
            account_id: account.id(),
            location_id: draft.location.id(),
            service_id: service.id,
            rule: &rule,
            window_start_min: i64::from(draft.window_start_min),
            notes: draft.notes.as_deref(),
            created_by: by.user.id(),
        },
        now,
    )
    .await?;
    let plan = PlanRef::from_id(id);
    record(&mut tx, Some(by), "plan_created", plan, &rule, now, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    let generated = generate(store, business, id, Timestamp::now()).await?;
    Ok((plan, generated))
}

pub(crate) async fn record(
    conn: &mut Conn,
    by: Option<&SessionUser>,
    action: &str,
    plan: PlanRef,
    detail: &str,
    now: i64,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let subject = plan.to_string();
    audit::record(
        conn,
        &audit::Entry::new(now, action, origin)
            .by_maybe(by.map(|b| b.user))
            .on(&subject)
            .detail(detail),
    )
    .await
}

/// Books the plan's days over the booking horizon that have no row yet; flags those whose
/// preferred window is not free. Safe to run any number of times, concurrently too.
#[instrument(skip(store, business))]
pub async fn generate(
    store: &Store,
    business: &Business,
    plan_id: i64,
    now: Timestamp,
) -> Result<Generated, PlanError> {
    let mut done = Generated::default();
    let (row, rules, by) = {
        let mut conn = store.conn().await?;
        let Some(row) = store::get(&mut conn, plan_id).await? else {
            return Err(PlanError::NotFound);
        };
        if row.status != "active" {
            return Ok(done);
        }
        let rules = sched::booking_rules(&mut conn).await?;
        let by = match row.created_by {
            Some(id) => users::by_id(&mut conn, id)
                .await
                .ok()
                .and_then(|u| crate::services::auth::session_user(&u)),
            None => None,
        };
        (row, rules, by)
    };
    let rule = rule_of(&row)?;
    let tz = business.time_zone.zone();
    let today = now.to_zoned(tz).date();
    let last = today
        .checked_add(rules.horizon_days.days())
        .unwrap_or(today);
    let paused: Option<Date> = row.paused_until.as_deref().and_then(|d| d.parse().ok());
    let from = paused.map_or(today, |p| p.max(today));
    let earliest = now + SignedDuration::from_hours(rules.min_notice_hours);
    let recipient = by.as_ref().map(|u| Recipient {
        email: u.email.clone(),
        name: u.name.clone(),
        locale: u.locale,
    });
    let origin = RequestOrigin::default();
    // Days decided already, read once; a run racing this one is stopped by the day's key.
    let decided: std::collections::HashSet<String> = {
        let mut conn = store.conn().await?;
        store::days(&mut conn, plan_id, &from.to_string())
            .await?
            .into_iter()
            .map(|d| d.day)
            .collect()
    };
    for day in rule.days(from, last) {
        let day_key = day.to_string();
        if decided.contains(&day_key) {
            continue;
        }
        let Some(start) = window_on(day, row.window_start_min, business) else {
            continue;
        };
        // Before the plan could begin (set up or resumed too close to it): not a visit.
        if start < earliest {
            continue;
        }
        let Some(by) = by.as_ref().filter(|u| u.account.is_some()) else {
            flag(store, &row, &day_key, "the plan's owner left the account").await?;
            done.misfits += 1;
            continue;
        };
        let request = BookingRequest {
            account: crate::ids::AccountRef::from_id(row.account_id),
            location: LocationRef::from_id(row.location_id),
            service: ServiceKey::Id(row.service_id),
            window_start: start,
            notes: row.notes.as_deref(),
            now,
            by,
            notify: recipient.as_ref(),
            replaces: None,
            for_request: None,
            plan_day: Some(PlanDay {
                plan: plan_id,
                day: &day_key,
                revision: row.revision,
            }),
            origin: &origin,
        };
        match booking::book(store, business, &request).await {
            Ok(_) => done.booked += 1,
            // Another run wrote the day meanwhile, or the plan changed since it was read
            // (the run after the change books it).
            Err(BookingError::Store(StoreError::Conflict(_))) => {}
            Err(BookingError::Store(e)) => return Err(e.into()),
            Err(other) => {
                if flag(store, &row, &day_key, &other.to_string()).await? {
                    done.misfits += 1;
                }
            }
        }
    }
    Ok(done)
}

/// Flags a day the preferred window did not fit; whether this run wrote the flag.
async fn flag(store: &Store, row: &PlanRow, day: &str, why: &str) -> Result<bool, StoreError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    // A run that read the plan before a change flags nothing: the run after it decides.
    if !store::unchanged(&mut tx, row.id, row.revision).await? {
        tx.rollback().await.map_err(StoreError::from)?;
        return Ok(false);
    }
    match store::insert_day(&mut tx, row.id, day, "misfit", None, now).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return Ok(false),
        Err(e) => return Err(e),
    }
    let detail = serde_json::json!({ "day": day, "why": why }).to_string();
    record(
        &mut tx,
        None,
        "plan_day_misfit",
        PlanRef::from_id(row.id),
        &detail,
        now,
        &RequestOrigin::default(),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    tracing::info!(
        plan = row.id,
        day,
        why,
        "a plan's day did not fit; flagged for the office"
    );
    Ok(true)
}

/// Every active plan, one after the other; a plan that fails is logged and the others go on.
pub async fn generate_all(
    store: &Store,
    business: &Business,
    now: Timestamp,
) -> Result<Generated, StoreError> {
    let ids: Vec<i64> = {
        let mut conn = store.conn().await?;
        store::active(&mut conn)
            .await?
            .iter()
            .map(|p| p.id)
            .collect()
    };
    let mut total = Generated::default();
    for id in ids {
        match generate(store, business, id, now).await {
            Ok(done) => total += done,
            Err(PlanError::Store(e)) => return Err(e),
            Err(e) => tracing::error!(plan = id, error = %e, "a plan could not be generated"),
        }
    }
    Ok(total)
}

/// The plan, if `by` may change it.
pub(crate) async fn own_plan(
    conn: &mut Conn,
    by: &SessionUser,
    plan: PlanRef,
) -> Result<PlanRow, PlanError> {
    let row = store::get(conn, plan.id())
        .await?
        .ok_or(PlanError::NotFound)?;
    let office = by.role.allows(Permission::ManageScheduling);
    let own = by.role.allows(Permission::BookVisits)
        && by.may_at(Capability::Book, row.account_id, row.location_id);
    if !(office || own) {
        return Err(PlanError::NotFound);
    }
    if row.status != "active" {
        return Err(PlanError::Ended);
    }
    Ok(row)
}

/// Skips one day of the plan: its visit is cancelled (within the cancel notice, as any
/// visit), and the day is never booked again.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn skip(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    day: Date,
    origin: &RequestOrigin,
) -> Result<(), PlanError> {
    let day_key = day.to_string();
    let now = Timestamp::now();
    let (row, visit) = {
        let mut conn = store.conn().await?;
        let row = own_plan(&mut conn, by, plan).await?;
        let today = now.to_zoned(business.time_zone.zone()).date();
        if day < today || !rule_of(&row)?.days(day, day).contains(&day) {
            return Err(PlanError::NotADay);
        }
        let days = store::days(&mut conn, plan.id(), &day_key).await?;
        let booked = days
            .into_iter()
            .find(|d| d.day == day_key)
            .and_then(|d| d.job_id.filter(|_| d.state == "booked"));
        let visit = match booked {
            Some(job) => {
                let visit_row =
                    changes::changeable(&mut conn, by, VisitRef::from_id(job), now, |n| n.1)
                        .await
                        .map_err(PlanError::from)?;
                let notify = changes::booker_of(&mut conn, &visit_row).await?;
                Some((visit_row, notify))
            }
            None => None,
        };
        (row, visit)
    };
    let at = clock::now();
    let mut tx = store.begin().await?;
    store::lock(&mut tx, row.id).await?;
    if let Some((visit_row, notify)) = visit {
        changes::cancel_in(&mut tx, business, by, &visit_row, notify, "skipped", origin).await?;
        store::set_day_state(&mut tx, row.id, &day_key, "skipped").await?;
    } else if store::has_day(&mut tx, row.id, &day_key).await? {
        store::set_day_state(&mut tx, row.id, &day_key, "skipped").await?;
    } else {
        store::insert_day(&mut tx, row.id, &day_key, "skipped", None, at).await?;
    }
    record(
        &mut tx,
        Some(by),
        "plan_day_skipped",
        plan,
        &day_key,
        at,
        origin,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Pauses the plan until `until` (its first day back): the visits before it that may still
/// be cancelled are, and those days are decided again on resuming. Returns the visits
/// kept because they are too close to cancel online.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn pause(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    until: Date,
    origin: &RequestOrigin,
) -> Result<Vec<VisitRef>, PlanError> {
    let now = Timestamp::now();
    let today = now.to_zoned(business.time_zone.zone()).date();
    if until <= today {
        return Err(PlanError::NotADay);
    }
    let today_key = today.to_string();
    let until_key = until.to_string();
    let (row, cancel, kept) = {
        let mut conn = store.conn().await?;
        let row = own_plan(&mut conn, by, plan).await?;
        let (cancel, kept) =
            to_cancel(&mut conn, by, plan, &today_key, now, |d| d.day < until_key).await?;
        (row, cancel, kept)
    };
    let at = clock::now();
    let mut tx = store.begin().await?;
    store::lock(&mut tx, row.id).await?;
    cancel_days(&mut tx, business, by, row.id, cancel, "paused", origin).await?;
    // Flags inside the pause no longer matter; resuming decides those days anew. A day
    // the customer skipped stays skipped.
    forget_misfits(&mut tx, row.id, &today_key, Some(&until_key)).await?;
    store::set_paused_until(&mut tx, row.id, Some(&until_key), at).await?;
    record(
        &mut tx,
        Some(by),
        "plan_paused",
        plan,
        &until_key,
        at,
        origin,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(kept)
}

/// A booked day's visit to cancel: the day, the visit, and who to tell.
pub(crate) type Cancel = (String, crate::store::visits::VisitRow, Option<Recipient>);

/// The plan's booked days from `from_day` on that `wanted` picks: the visits that may still
/// be cancelled online, and those kept because they are too close for that.
pub(crate) async fn to_cancel(
    conn: &mut Conn,
    by: &SessionUser,
    plan: PlanRef,
    from_day: &str,
    now: Timestamp,
    wanted: impl Fn(&store::DayRow) -> bool,
) -> Result<(Vec<Cancel>, Vec<VisitRef>), PlanError> {
    let mut cancel = Vec::new();
    let mut kept = Vec::new();
    for d in store::days(&mut *conn, plan.id(), from_day).await? {
        if d.state != "booked" || !wanted(&d) {
            continue;
        }
        let Some(job) = d.job_id else { continue };
        match changes::changeable(&mut *conn, by, VisitRef::from_id(job), now, |n| n.1).await {
            Ok(visit_row) => {
                let notify = changes::booker_of(&mut *conn, &visit_row).await?;
                cancel.push((d.day, visit_row, notify));
            }
            Err(ChangeError::TooLate { .. }) => kept.push(VisitRef::from_id(job)),
            Err(ChangeError::Closed) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok((cancel, kept))
}

/// Cancels the visits inside the caller's transaction and forgets their days, so the
/// generator decides them again (or, for a plan that ended, never).
pub(crate) async fn cancel_days(
    conn: &mut Conn,
    business: &Business,
    by: &SessionUser,
    plan_id: i64,
    cancel: Vec<Cancel>,
    reason: &str,
    origin: &RequestOrigin,
) -> Result<(), PlanError> {
    for (day, visit_row, notify) in cancel {
        changes::cancel_in(&mut *conn, business, by, &visit_row, notify, reason, origin).await?;
        store::forget_days(&mut *conn, plan_id, &day, Some(&day_after(&day))).await?;
    }
    Ok(())
}

pub(crate) fn day_after(day: &str) -> String {
    day.parse::<Date>()
        .ok()
        .and_then(|d| d.tomorrow().ok())
        .map(|d| d.to_string())
        .unwrap_or_else(|| day.to_string())
}

/// Forgets the flagged days in the range.
pub(crate) async fn forget_misfits(
    conn: &mut Conn,
    plan_id: i64,
    from_day: &str,
    until_day: Option<&str>,
) -> Result<(), StoreError> {
    for d in store::days(&mut *conn, plan_id, from_day).await? {
        if d.state == "misfit" && until_day.is_none_or(|u| d.day.as_str() < u) {
            store::forget_days(&mut *conn, plan_id, &d.day, Some(&day_after(&d.day))).await?;
        }
    }
    Ok(())
}

/// Ends a pause now and books the days ahead again.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn resume(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    origin: &RequestOrigin,
) -> Result<Generated, PlanError> {
    {
        let mut conn = store.conn().await?;
        own_plan(&mut conn, by, plan).await?;
    }
    let at = clock::now();
    let mut tx = store.begin().await?;
    store::lock(&mut tx, plan.id()).await?;
    store::set_paused_until(&mut tx, plan.id(), None, at).await?;
    record(&mut tx, Some(by), "plan_resumed", plan, "", at, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    generate(store, business, plan.id(), Timestamp::now()).await
}

/// The background task kind that extends every plan over the rolling horizon.
pub const GENERATE_PLANS: &str = "plans.generate";
/// How often the generator runs.
pub const EVERY: Duration = Duration::from_secs(6 * 3600);

/// Makes sure a generator run is due (at start-up): one pending run is enough.
pub async fn schedule_generator(store: &Store) -> Result<(), StoreError> {
    // Two servers starting at once may both write one: a run more does no harm.
    let mut conn = store.conn().await?;
    if crate::store::tasks::pending_of_kind(&mut conn, GENERATE_PLANS, None).await? == 0 {
        tasks::enqueue(&mut conn, GENERATE_PLANS, "{}", Duration::ZERO, 3).await?;
    }
    Ok(())
}

/// Runs the generator, then writes its next run.
pub struct PlanGenerator {
    store: Store,
}

impl PlanGenerator {
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    async fn run_now(&self) -> Result<(), TaskError> {
        let retry = |e: StoreError| TaskError::Retry(e.to_string());
        // The next run first: a run that fails (and gives up) never ends the chain.
        let mut conn = self.store.conn().await.map_err(retry)?;
        let now = clock::now();
        if crate::store::tasks::pending_of_kind(&mut conn, GENERATE_PLANS, Some(now))
            .await
            .map_err(retry)?
            == 0
        {
            tasks::enqueue(&mut conn, GENERATE_PLANS, "{}", EVERY, 3)
                .await
                .map_err(retry)?;
        }
        drop(conn);
        let business = {
            let mut conn = self.store.conn().await.map_err(retry)?;
            crate::store::business::load(&mut conn)
                .await
                .map_err(retry)?
                .ok_or_else(|| TaskError::Retry("the business is not set up".into()))?
        };
        let done = generate_all(&self.store, &business, Timestamp::now())
            .await
            .map_err(retry)?;
        tracing::info!(
            booked = done.booked,
            misfits = done.misfits,
            "plans generated"
        );
        Ok(())
    }
}

impl TaskHandler for PlanGenerator {
    fn kind(&self) -> &'static str {
        GENERATE_PLANS
    }

    fn run<'a>(&'a self, _payload: &'a str, _attempt: i64) -> TaskFuture<'a> {
        Box::pin(self.run_now())
    }
}
