//! The job on the day: the technician sets off, arrives, starts and finishes. Each step is
//! a timeline entry and so an event (the customer's page and the office follow it live) and
//! an audit entry, in one transaction. A step that does not follow from where the job is
//! (done twice, from two phones, or out of order) changes nothing and says so.

use crate::dto::{DayJob, SessionUser, VisitStatus};
use crate::ids::VisitRef;
use crate::permissions::Role;
use crate::services::clock;
use crate::services::visits::{Recorded, StepDetail, address_lines, record_step, summary};
use crate::store::audit::RequestOrigin;
use crate::store::visits::{self, VisitRow};
use crate::store::{Conn, Store, StoreError};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use tracing::instrument;

/// A step of the job on the day, in the order they come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// "On my way": the technician sets off for the place.
    OnMyWay,
    /// At the place.
    Arrived,
    /// The work begins.
    Start,
    /// The work is done.
    Complete,
}

impl Step {
    pub const ALL: [Step; 4] = [Self::OnMyWay, Self::Arrived, Self::Start, Self::Complete];

    /// The form's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnMyWay => "on_my_way",
            Self::Arrived => "arrived",
            Self::Start => "start",
            Self::Complete => "complete",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The step a job showing `status` takes next, if it has one.
    pub fn next_for(status: VisitStatus) -> Option<Self> {
        match status {
            VisitStatus::Scheduled | VisitStatus::Assigned => Some(Self::OnMyWay),
            VisitStatus::EnRoute => Some(Self::Arrived),
            VisitStatus::Arrived => Some(Self::Start),
            VisitStatus::InProgress => Some(Self::Complete),
            VisitStatus::Requested
            | VisitStatus::Completed
            | VisitStatus::Cancelled
            | VisitStatus::OnHold => None,
        }
    }

    /// The timeline's word for it.
    fn timeline_kind(self) -> &'static str {
        match self {
            Self::OnMyWay => "en_route",
            Self::Arrived => "arrived",
            Self::Start => "started",
            Self::Complete => "completed",
        }
    }

    /// What the job shows once the step is taken.
    fn leads_to(self) -> VisitStatus {
        match self {
            Self::OnMyWay => VisitStatus::EnRoute,
            Self::Arrived => VisitStatus::Arrived,
            Self::Start => VisitStatus::InProgress,
            Self::Complete => VisitStatus::Completed,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// Missing, or not the caller's job.
    #[error("no such job")]
    NotFound,
    /// The job is not where the step starts from (taken already, or out of order).
    #[error("that step does not follow where the job is")]
    NotNow,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Whether `by` works this job: its technician, or the office.
pub fn works(by: &SessionUser, row: &VisitRow) -> bool {
    match by.role {
        Role::Technician => row.technician_id == Some(by.user.id()),
        Role::Dispatcher | Role::Admin => true,
        Role::AccountOwner | Role::AccountMember => false,
    }
}

/// Takes `step` for the job; returns what the job shows now.
/// The waiting customers of the technician's day are told what to expect now (`tz`: the
/// business's, whose day it is).
#[instrument(skip(store, by, origin, tz), fields(by = %by.user))]
pub async fn advance(
    store: &Store,
    by: &SessionUser,
    visit: VisitRef,
    step: Step,
    tz: &TimeZone,
    origin: &RequestOrigin,
) -> Result<VisitStatus, StepError> {
    let row = {
        let mut conn = store.conn().await?;
        visits::by_id(&mut conn, visit.id())
            .await?
            .filter(|row| works(by, row))
            .ok_or(StepError::NotFound)?
    };
    let mut tx = store.begin().await?;
    if !take_in(&mut tx, by, &row, step, tz, origin, step.as_str()).await? {
        tx.rollback().await.map_err(StoreError::from)?;
        return Err(StepError::NotNow);
    }
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(step.leads_to())
}

/// Takes `step` for `row` inside `tx` (which must begin with it): the move, its timeline
/// and audit entries (`audit_detail` says how it was taken), and the day's forecast for
/// the customers still waiting. False, and nothing written, when the job is not where the
/// step starts from; the caller rolls back and says so.
pub(crate) async fn take_in(
    tx: &mut Conn,
    by: &SessionUser,
    row: &VisitRow,
    step: Step,
    tz: &TimeZone,
    origin: &RequestOrigin,
    audit_detail: &str,
) -> Result<bool, StoreError> {
    let at = clock::now();
    // The move is the transaction's first statement and names where it starts from, so of
    // two phones taking the same step one moves the job and the other is told.
    if !visits::take_step(&mut *tx, row.id, step.as_str(), at).await? {
        return Ok(false);
    }
    record_step(
        &mut *tx,
        &Recorded {
            visit: VisitRef::from_id(row.id),
            by,
            at,
            kind: step.timeline_kind(),
            detail: &StepDetail::default(),
            action: "visit_step",
            audit_detail: Some(audit_detail),
            origin,
        },
    )
    .await?;
    if let Some(technician) = row.technician_id {
        crate::services::forecast::refresh(tx, technician, at, tz).await?;
    }
    // After the forecast: "on the way" says the window expected now.
    crate::services::notifications::mail_account(
        tx,
        row.id,
        step.timeline_kind(),
        Some(by.user.id()),
    )
    .await?;
    Ok(true)
}

/// The technician's jobs of the local day of `now`, in order, with what they need at the
/// door and the step each takes next.
pub async fn day(
    store: &Store,
    by: &SessionUser,
    tz: &TimeZone,
    now: Timestamp,
) -> Result<Vec<DayJob>, StepError> {
    if by.role != Role::Technician {
        return Err(StepError::NotFound);
    }
    let today = now.to_zoned(tz.clone()).date();
    let (from, to) = match (
        today.to_zoned(tz.clone()),
        today.tomorrow().and_then(|d| d.to_zoned(tz.clone())),
    ) {
        (Ok(from), Ok(to)) => (from.timestamp().as_second(), to.timestamp().as_second()),
        _ => return Ok(Vec::new()),
    };
    let mut conn = store.conn().await?;
    let rows = visits::day_of_technician(&mut conn, by.user.id(), from, to).await?;
    let mut jobs = Vec::with_capacity(rows.len());
    for row in &rows {
        let summary = summary(row);
        let share_until = if summary.status == VisitStatus::EnRoute {
            Some(crate::services::positions::share_until(&mut conn, row, tz).await?)
        } else {
            None
        };
        let address = address_lines(row);
        jobs.push(DayJob {
            share_until,
            next: Step::next_for(summary.status).map(|s| s.as_str().to_string()),
            summary,
            customer: row.account_name.clone(),
            planned_start: row.planned_start,
            planned_end: row.planned_end,
            address,
            access_notes: store.open_notes(row.access_notes.as_deref())?,
            notes: row.notes.clone(),
        });
    }
    Ok(jobs)
}
