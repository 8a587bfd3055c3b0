//! Reading visits: an account's upcoming visits and one visit's page, for the people who may
//! see them. Whoever may not see a visit is told it does not exist.

use crate::dto::{
    Actor, ExpectedWindow, SessionUser, TimelineStep, VisitDetail, VisitStatus, VisitSummary,
    WindowOffer,
};
use crate::ids::{LocationRef, ServiceRef, VisitRef};
use crate::permissions::{Capability, Permission, Role};
use crate::store::audit::{self, RequestOrigin};
use crate::store::visits::{self, TimelineRow, VisitRow};
use crate::store::{Conn, Store, StoreError};
use serde::{Deserialize, Serialize};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum VisitError {
    /// Missing, or not the caller's to see.
    #[error("no such visit")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The most upcoming visits a home page lists.
pub const UPCOMING: i64 = 20;

/// What a timeline step keeps beside its kind (`job_timeline.detail`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StepDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowOffer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl StepDetail {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// A step of a visit as it is kept: a timeline entry (and so an event) and an audit entry.
pub struct Recorded<'a> {
    pub visit: VisitRef,
    pub by: &'a SessionUser,
    pub at: i64,
    /// The timeline's word (`booked`, `cancelled`, `en_route`, …).
    pub kind: &'a str,
    pub detail: &'a StepDetail,
    /// The audit log's word (`visit_cancelled`, …) and what it keeps beside it.
    pub action: &'a str,
    pub audit_detail: Option<&'a str>,
    pub origin: &'a RequestOrigin,
}

/// The steps the people of the visit's account are notified of in the app (but whoever
/// took it).
pub const TOLD: [&str; 6] = [
    "booked",
    "moved",
    "cancelled",
    "en_route",
    "arrived",
    "completed",
];

/// Writes `step` on `conn`, the transaction of the change it records.
pub async fn record_step(conn: &mut Conn, step: &Recorded<'_>) -> Result<(), StoreError> {
    visits::add_timeline(
        &mut *conn,
        step.visit.id(),
        step.at,
        Some(step.by.user.id()),
        step.kind,
        &step.detail.to_json(),
    )
    .await?;
    if TOLD.contains(&step.kind) {
        crate::store::notifications::tell_account(
            &mut *conn,
            step.visit.id(),
            step.kind,
            step.at,
            Some(step.by.user.id()),
        )
        .await?;
    }
    let subject = step.visit.to_string();
    audit::record(
        conn,
        &audit::Entry::new(step.at, step.action, step.origin)
            .by(step.by.user)
            .on(&subject)
            .detail_maybe(step.audit_detail),
    )
    .await
}

/// A person's first name: all a customer is told of a technician.
pub fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_string()
}

pub fn summary(row: &VisitRow) -> VisitSummary {
    let status = match VisitStatus::parse(&row.status) {
        Some(VisitStatus::EnRoute) if row.arrived_at.is_some() => VisitStatus::Arrived,
        Some(status) => status,
        None => {
            tracing::warn!(visit = row.id, status = %row.status, "unknown visit status");
            VisitStatus::OnHold
        }
    };
    let window_end = row.window_end.unwrap_or(row.planned_end);
    let waiting = matches!(
        status,
        VisitStatus::Scheduled | VisitStatus::Assigned | VisitStatus::EnRoute
    );
    let expected = row
        .expected_start
        .zip(row.expected_end)
        .filter(|_| waiting)
        .map(|(start, end)| ExpectedWindow {
            start,
            end,
            late: start >= window_end,
        });
    VisitSummary {
        expected,
        visit: VisitRef::from_id(row.id),
        service: row.service_name.clone(),
        status,
        window_start: row.window_start.unwrap_or(row.planned_start),
        window_end: row.window_end.unwrap_or(row.planned_end),
        location_label: row.location_label.clone(),
        technician: row.technician_name.as_deref().map(first_name),
    }
}

/// A visit's address lines, as written on an envelope.
pub fn address_lines(row: &VisitRow) -> Vec<String> {
    let mut address = vec![row.line1.clone()];
    address.extend(row.line2.clone());
    address.push(format!("{} {}", row.postal_code, row.city));
    address
}

/// May `viewer` see this visit? Customers: their account's; technicians: their own;
/// dispatchers and admins: all.
pub fn may_see(viewer: &SessionUser, row: &VisitRow) -> bool {
    match viewer.role {
        Role::AccountOwner | Role::AccountMember => {
            viewer.may_at(Capability::View, row.account_id, row.location_id)
        }
        Role::Technician => row.technician_id == Some(viewer.user.id()),
        Role::Dispatcher | Role::Admin => viewer.role.allows(Permission::ViewCustomerAccounts),
    }
}

/// One visit's page, if `viewer` may see it.
#[instrument(skip(store, viewer), fields(viewer = %viewer.user))]
/// `tz`: the business's, whose day the technician's shift ends in.
pub async fn detail(
    store: &Store,
    viewer: &SessionUser,
    visit: VisitRef,
    tz: &jiff::tz::TimeZone,
) -> Result<VisitDetail, VisitError> {
    let mut conn = store.conn().await?;
    // Read first: whatever commits after it reaches the page's live stream.
    let events_after = crate::store::events::latest(&mut conn).await?;
    let row = visits::by_id(&mut conn, visit.id())
        .await?
        .filter(|row| may_see(viewer, row))
        .ok_or(VisitError::NotFound)?;
    let steps = visits::timeline(&mut conn, row.id).await?;
    let now = crate::services::clock::now();
    let changes = crate::services::changes::policy(&mut conn, viewer, &row, now).await?;
    let timeline = steps.iter().map(|s| step(viewer, &row, s)).collect();
    let address = address_lines(&row);
    let next_step = crate::services::job_steps::works(viewer, &row)
        .then(|| crate::services::job_steps::Step::next_for(summary(&row).status))
        .flatten()
        .map(|step| step.as_str().to_string());
    let whereabouts = crate::services::positions::whereabouts(&mut conn, &row).await?;
    // The job's technician, on the way: their phone shares until the shift ends.
    let share_until = if viewer.role == Role::Technician
        && row.technician_id == Some(viewer.user.id())
        && summary(&row).status == VisitStatus::EnRoute
    {
        Some(crate::services::positions::share_until(&mut conn, &row, tz).await?)
    } else {
        None
    };
    let technician_card = match row.technician_id {
        Some(technician) if summary(&row).status != VisitStatus::Cancelled => {
            crate::store::technicians::card(&mut conn, technician)
                .await?
                .map(crate::services::technicians::card_view)
        }
        _ => None,
    };
    Ok(VisitDetail {
        technician_card,
        share_until,
        whereabouts,
        next_step,
        events_after,
        summary: summary(&row),
        service_ref: ServiceRef::from_id(row.service_id),
        location: LocationRef::from_id(row.location_id),
        address,
        access_notes: store.open_notes(row.access_notes.as_deref())?,
        notes: row.notes.clone(),
        timeline,
        changes,
    })
}

fn step(viewer: &SessionUser, row: &VisitRow, s: &TimelineRow) -> TimelineStep {
    let name = s.actor_name.clone().unwrap_or_default();
    let actor = match (s.actor, s.actor_is_staff) {
        (None, _) => Actor::System,
        (Some(id), _) if id == viewer.user.id() => Actor::You,
        (Some(id), Some(1)) if Some(id) == row.technician_id => Actor::Technician {
            name: first_name(&name),
        },
        (Some(_), Some(1)) => Actor::Office,
        (Some(_), _) => Actor::Customer { name },
    };
    let detail: StepDetail = serde_json::from_str(&s.detail).unwrap_or_default();
    TimelineStep {
        at: s.at,
        actor,
        kind: s.kind.clone(),
        window: detail.window,
        reason: detail.reason,
    }
}
